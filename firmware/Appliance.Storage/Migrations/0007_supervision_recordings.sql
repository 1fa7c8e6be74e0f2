-- Recordings of what each party heard while a supervisor was on a call have three channels (caller heard, agent heard,
-- supervisor heard). SQLite cannot change a CHECK in place, so the table is rebuilt with channels 1 to 3; rows, the
-- unique path and both indexes carry over. Nothing references recordings by foreign key.
CREATE TABLE recordings_new (
    id          TEXT    NOT NULL PRIMARY KEY,
    call_id     TEXT    NULL,
    path        TEXT    NOT NULL UNIQUE,
    started_at  INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
    channels    INTEGER NOT NULL CHECK (channels IN (1, 2, 3)),
    sample_rate INTEGER NOT NULL CHECK (sample_rate BETWEEN 8000 AND 192000),
    bytes       INTEGER NOT NULL CHECK (bytes >= 0)
) STRICT;

INSERT INTO recordings_new (id, call_id, path, started_at, duration_ms, channels, sample_rate, bytes)
SELECT id, call_id, path, started_at, duration_ms, channels, sample_rate, bytes FROM recordings;

DROP TABLE recordings;
ALTER TABLE recordings_new RENAME TO recordings;

CREATE INDEX recordings_by_call ON recordings (call_id) WHERE call_id IS NOT NULL;
CREATE INDEX recordings_by_started_at ON recordings (started_at);
