-- Callbacks that keep the caller's place (Appliance.Core.Acd.Callbacks): a pending callback stays here, with its place
-- (first_entered_at, entered_at, priority give the same serving order after a restart) and the attempts made, until it
-- is connected or has failed. dialling = 1 while an attempt is under way: a box that stopped then counts it.
CREATE TABLE callbacks (
    id               TEXT    NOT NULL PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 128),
    origin_call_id   TEXT    NOT NULL CHECK (length(origin_call_id) BETWEEN 1 AND 128),
    queue            TEXT    NOT NULL CHECK (length(queue) BETWEEN 1 AND 64),
    number           TEXT    NOT NULL CHECK (length(number) BETWEEN 1 AND 32),
    language         TEXT    NOT NULL CHECK (length(language) BETWEEN 1 AND 16),
    priority         INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 10),
    first_entered_at INTEGER NOT NULL,
    entered_at       INTEGER NOT NULL,
    attempts         INTEGER NOT NULL CHECK (attempts >= 0),
    retry_at         INTEGER NOT NULL,
    dialling         INTEGER NOT NULL CHECK (dialling IN (0, 1)),
    outcome          TEXT    NULL,
    closed_at        INTEGER NULL
) STRICT;

CREATE INDEX callbacks_pending ON callbacks (closed_at) WHERE closed_at IS NULL;

-- How many times the box dialled back for this call (0 for an ordinary call), so reports count callback attempts.
ALTER TABLE calls ADD COLUMN callback_attempts INTEGER NOT NULL DEFAULT 0 CHECK (callback_attempts >= 0);
