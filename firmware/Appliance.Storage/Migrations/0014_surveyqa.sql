-- Schema 12: the post-call survey score on the call record, and quality assurance (QA): the weekly review sample of
-- each agent's recorded calls, and the scores reviewers give against a scorecard, which sync to head office.

-- The caller's 1-5 rating after the agent hung up; NULL when none was given.
ALTER TABLE calls ADD COLUMN survey_score INTEGER NULL CHECK (survey_score BETWEEN 1 AND 5);

-- Weeks whose sample has been drawn. A week is drawn once: a restart (or a second `qa sample`) finds it here and
-- keeps the sample it has, so reviewers never see their list change under them.
CREATE TABLE qa_sample_weeks (
    week_start INTEGER NOT NULL PRIMARY KEY,
    percent    INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100),
    drawn_at   INTEGER NOT NULL,
    calls      INTEGER NOT NULL CHECK (calls >= 0)
) STRICT;

-- The review list: calls drawn for review, with what a reviewer needs to find them.
CREATE TABLE qa_samples (
    call_id      TEXT    NOT NULL PRIMARY KEY,
    week_start   INTEGER NOT NULL REFERENCES qa_sample_weeks (week_start),
    agent        TEXT    NOT NULL,
    queue        TEXT    NULL,
    recording_id TEXT    NOT NULL,
    started_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX qa_samples_by_week ON qa_samples (week_start, agent);

-- A reviewer's score of one call against one scorecard: the answers as given (JSON, question id -> value) and the
-- total computed from them (0-100; 0 when a fatal question was answered no). One score per call and scorecard.
CREATE TABLE qa_scores (
    id         TEXT    NOT NULL PRIMARY KEY,
    call_id    TEXT    NOT NULL,
    agent      TEXT    NOT NULL,
    scorecard  TEXT    NOT NULL,
    reviewer   TEXT    NOT NULL,
    answers    TEXT    NOT NULL,
    total      REAL    NOT NULL CHECK (total BETWEEN 0 AND 100),
    fatal      INTEGER NOT NULL CHECK (fatal IN (0, 1)),
    scored_at  INTEGER NOT NULL,
    UNIQUE (call_id, scorecard)
) STRICT;

CREATE INDEX qa_scores_by_agent ON qa_scores (agent, scored_at);

-- The outbox learns the kind 'qa_score'. SQLite cannot change a CHECK in place: the table is rebuilt, keeping every
-- entry and its seq, and the AUTOINCREMENT counter too, so a seq is never reused after delivered entries were deleted
-- (head office orders a ticket's versions by it).
CREATE TABLE outbox_rebuilt (
    seq             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL CHECK (kind IN ('ticket', 'transaction', 'call', 'qa_score')),
    payload         BLOB    NOT NULL,
    payload_version INTEGER NOT NULL CHECK (payload_version >= 1),
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0)
) STRICT;

INSERT INTO outbox_rebuilt (seq, idempotency_key, kind, payload, payload_version, created_at, attempts)
SELECT seq, idempotency_key, kind, payload, payload_version, created_at, attempts FROM outbox ORDER BY seq;

DELETE FROM sqlite_sequence WHERE name = 'outbox_rebuilt';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'outbox_rebuilt', max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0), coalesce((SELECT max(seq) FROM outbox), 0));

DROP TABLE outbox;
ALTER TABLE outbox_rebuilt RENAME TO outbox;
