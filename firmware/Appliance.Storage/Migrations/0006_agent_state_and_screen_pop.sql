-- Each agent's own choice (logged in or out, paused with a reason), so it survives a restart. What the ACD was doing
-- with the agent (ringing, on a call, wrap-up) is not kept: those calls end with the process. No foreign key to
-- agents: the configuration document, not this table, says who the agents are, and a stale row is just ignored.
CREATE TABLE agent_states (
    agent_id     TEXT    NOT NULL PRIMARY KEY CHECK (length(agent_id) BETWEEN 1 AND 128),
    logged_in    INTEGER NOT NULL CHECK (logged_in IN (0, 1)),
    pause_reason TEXT    NULL CHECK (pause_reason IS NULL OR length(pause_reason) BETWEEN 1 AND 16),
    changed_at   INTEGER NOT NULL
) STRICT;

-- The screen pop looks up a caller's previous calls by number, their tickets through those calls, and an agent's
-- state events over a period for the login-time and occupancy report.
CREATE INDEX calls_by_caller ON calls (caller_number, started_at) WHERE caller_number IS NOT NULL;
CREATE INDEX tickets_by_call ON tickets (call_id) WHERE call_id IS NOT NULL;
CREATE INDEX events_by_agent_kind ON events (agent, kind, at) WHERE agent IS NOT NULL;
