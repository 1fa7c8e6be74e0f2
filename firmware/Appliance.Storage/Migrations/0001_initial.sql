-- Schema 1: configuration, the call detail record, the append-only event log, recordings and settings.
-- Every timestamp column (*_at) holds UTC unix milliseconds as INTEGER: cheap range scans for reports and
-- no time-zone or text-format ambiguity. Durations carry their unit in the column name (_s, _ms).
-- The migration runner wraps this file in a transaction together with the user_version bump, so it must not
-- contain BEGIN/COMMIT itself.

CREATE TABLE ivr_menus (
    name            TEXT    NOT NULL PRIMARY KEY,
    greeting_prompt TEXT    NOT NULL,
    menu_prompt     TEXT    NOT NULL,
    invalid_prompt  TEXT    NOT NULL,
    timeout_prompt  TEXT    NOT NULL,
    goodbye_prompt  TEXT    NOT NULL,
    digit_timeout_s INTEGER NOT NULL CHECK (digit_timeout_s BETWEEN 1 AND 60),
    max_attempts    INTEGER NOT NULL CHECK (max_attempts BETWEEN 1 AND 10)
) STRICT;

CREATE TABLE queues (
    name                      TEXT    NOT NULL PRIMARY KEY,
    strategy                  TEXT    NOT NULL DEFAULT 'ring-all',
    ring_timeout_s            INTEGER NOT NULL CHECK (ring_timeout_s BETWEEN 1 AND 600),
    max_wait_s                INTEGER NOT NULL CHECK (max_wait_s BETWEEN 0 AND 86400),
    wrap_up_s                 INTEGER NOT NULL CHECK (wrap_up_s BETWEEN 0 AND 3600),
    service_level_threshold_s INTEGER NOT NULL CHECK (service_level_threshold_s BETWEEN 1 AND 3600)
) STRICT;

-- Menu option actions are 'queue:<name>', 'menu:<name>', 'hangup' or 'repeat'; the repository checks that the
-- target exists, because a foreign key cannot point into half of a text value.
CREATE TABLE ivr_menu_options (
    menu   TEXT NOT NULL REFERENCES ivr_menus (name) ON DELETE CASCADE,
    digit  TEXT NOT NULL CHECK (length(digit) = 1 AND instr('0123456789*#', digit) > 0),
    action TEXT NOT NULL,
    PRIMARY KEY (menu, digit)
) STRICT;

CREATE INDEX ivr_menu_options_by_action ON ivr_menu_options (action);

CREATE TABLE lines (
    port       INTEGER NOT NULL PRIMARY KEY CHECK (port BETWEEN 1 AND 256),
    name       TEXT    NOT NULL,
    entry_menu TEXT    NULL REFERENCES ivr_menus (name) ON DELETE RESTRICT,
    enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1))
) STRICT;

CREATE INDEX lines_by_entry_menu ON lines (entry_menu);

CREATE TABLE agents (
    id                  TEXT    NOT NULL PRIMARY KEY,
    name                TEXT    NOT NULL,
    extension           TEXT    NOT NULL UNIQUE,
    simulated           INTEGER NOT NULL DEFAULT 0 CHECK (simulated IN (0, 1)),
    sim_answer_after_ms INTEGER NULL CHECK (sim_answer_after_ms BETWEEN 0 AND 600000),
    sim_talk_tone_hz    INTEGER NULL CHECK (sim_talk_tone_hz BETWEEN 50 AND 4000),
    enabled             INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1))
) STRICT;

CREATE TABLE queue_members (
    queue   TEXT    NOT NULL REFERENCES queues (name) ON DELETE CASCADE,
    agent   TEXT    NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    penalty INTEGER NOT NULL DEFAULT 0 CHECK (penalty BETWEEN 0 AND 100),
    PRIMARY KEY (queue, agent)
) STRICT;

CREATE INDEX queue_members_by_agent ON queue_members (agent);

-- The call detail record. No foreign keys to configuration on purpose: history must outlive a deleted queue or agent.
CREATE TABLE calls (
    id           TEXT    NOT NULL PRIMARY KEY,
    line         INTEGER NULL,
    channel_kind TEXT    NOT NULL,
    caller_number TEXT   NULL,
    caller_name  TEXT    NULL,
    started_at   INTEGER NOT NULL,
    answered_at  INTEGER NULL CHECK (answered_at >= started_at),
    ended_at     INTEGER NULL CHECK (ended_at >= started_at),
    entry_menu   TEXT    NULL,
    queue        TEXT    NULL,
    agent        TEXT    NULL,
    outcome      TEXT    NOT NULL,
    wait_ms      INTEGER NULL CHECK (wait_ms >= 0),
    talk_ms      INTEGER NULL CHECK (talk_ms >= 0),
    hangup_cause TEXT    NULL,
    recording_id TEXT    NULL
) STRICT;

CREATE INDEX calls_by_started_at ON calls (started_at);

-- The event log, like Asterisk's queue_log: append-only, ordered by seq, which later sync uses as its cursor.
-- AUTOINCREMENT so a seq is never reused even if the newest row were ever lost.
CREATE TABLE events (
    seq     INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    at      INTEGER NOT NULL,
    call_id TEXT    NULL,
    kind    TEXT    NOT NULL,
    queue   TEXT    NULL,
    agent   TEXT    NULL,
    data    TEXT    NULL CHECK (data IS NULL OR json_valid(data))
) STRICT;

CREATE INDEX events_by_call ON events (call_id, seq) WHERE call_id IS NOT NULL;
CREATE INDEX events_by_at ON events (at);

CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: a logged event cannot be updated');
END;

CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only: a logged event cannot be deleted');
END;

CREATE TABLE recordings (
    id          TEXT    NOT NULL PRIMARY KEY,
    call_id     TEXT    NULL,
    path        TEXT    NOT NULL UNIQUE,
    started_at  INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
    channels    INTEGER NOT NULL CHECK (channels IN (1, 2)),
    sample_rate INTEGER NOT NULL CHECK (sample_rate BETWEEN 8000 AND 192000),
    bytes       INTEGER NOT NULL CHECK (bytes >= 0)
) STRICT;

CREATE INDEX recordings_by_call ON recordings (call_id) WHERE call_id IS NOT NULL;
CREATE INDEX recordings_by_started_at ON recordings (started_at);

CREATE TABLE settings (
    key        TEXT    NOT NULL PRIMARY KEY,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
