-- Schema 8: KPI summaries derived from the event log, so a week's report over a million calls reads a summary row per
-- call instead of every event. The event log stays the source: these tables are rebuilt from it by folding events
-- after kpi_cursor.seq (KpiSummarizer), and may be emptied and refolded at any time.

-- One row per call seen in the event log. bucket_at decides the interval a call counts in: when it first entered a
-- queue, or its first event for calls never queued (e.g. a callback's own leg).
CREATE TABLE kpi_calls (
    call_id            TEXT    NOT NULL PRIMARY KEY,
    bucket_at          INTEGER NOT NULL,
    queued             INTEGER NOT NULL DEFAULT 0 CHECK (queued IN (0, 1)),
    queue              TEXT    NOT NULL DEFAULT '',
    agent              TEXT    NOT NULL DEFAULT '',
    answered           INTEGER NOT NULL DEFAULT 0 CHECK (answered IN (0, 1)),
    wait_ms            INTEGER NOT NULL DEFAULT 0 CHECK (wait_ms >= 0),
    abandoned          INTEGER NOT NULL DEFAULT 0 CHECK (abandoned IN (0, 1)),
    abandon_wait_ms    INTEGER NOT NULL DEFAULT 0 CHECK (abandon_wait_ms >= 0),
    handled            INTEGER NOT NULL DEFAULT 0 CHECK (handled IN (0, 1)),
    completed_at       INTEGER NULL,
    talk_ms            INTEGER NOT NULL DEFAULT 0 CHECK (talk_ms >= 0),
    hold_ms            INTEGER NOT NULL DEFAULT 0 CHECK (hold_ms >= 0),
    wrap_ms            INTEGER NOT NULL DEFAULT 0 CHECK (wrap_ms >= 0),
    transfers          INTEGER NOT NULL DEFAULT 0 CHECK (transfers >= 0),
    callback_requested INTEGER NOT NULL DEFAULT 0 CHECK (callback_requested IN (0, 1)),
    callback_attempts  INTEGER NOT NULL DEFAULT 0 CHECK (callback_attempts >= 0),
    callback_kept      INTEGER NOT NULL DEFAULT 0 CHECK (callback_kept IN (0, 1)),
    survey_score       INTEGER NULL CHECK (survey_score BETWEEN 1 AND 5)
) STRICT;

-- Covering the report's range scan and grouping keys.
CREATE INDEX kpi_calls_by_bucket ON kpi_calls (bucket_at, queue, agent);
-- Wrap-up is credited to the agent's last completed call.
CREATE INDEX kpi_calls_by_agent_completed ON kpi_calls (agent, completed_at) WHERE completed_at IS NOT NULL;

-- Agent state time per 15-minute quarter (UTC), from closed AGENT_STATE spans.
CREATE TABLE kpi_agent_time (
    quarter_at   INTEGER NOT NULL,
    agent        TEXT    NOT NULL,
    logged_in_ms INTEGER NOT NULL DEFAULT 0 CHECK (logged_in_ms >= 0),
    busy_ms      INTEGER NOT NULL DEFAULT 0 CHECK (busy_ms >= 0),
    available_ms INTEGER NOT NULL DEFAULT 0 CHECK (available_ms >= 0),
    PRIMARY KEY (quarter_at, agent)
) STRICT;

-- Each agent's latest state and since when: the open span, closed by the agent's next AGENT_STATE.
CREATE TABLE kpi_agent_last (
    agent  TEXT    NOT NULL PRIMARY KEY,
    status TEXT    NOT NULL,
    since  INTEGER NOT NULL
) STRICT;

-- How far the event log has been folded into the tables above.
CREATE TABLE kpi_cursor (
    id  INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL CHECK (seq >= 0)
) STRICT;

INSERT INTO kpi_cursor (id, seq) VALUES (1, 0);
