-- Schema 12: KPI totals per 15-minute quarter, queue and agent, so a week's report sums a few thousand rows instead of
-- a million call summaries. Kept in step with kpi_calls by the same transaction that stores call summaries. The three
-- counts that depend on the service-level threshold T and the short-abandon threshold are computed with the thresholds
-- in kpi_quarter_basis; each row records the ones it was computed with, so a row computed before the thresholds
-- changed is recognised and recomputed from kpi_calls, never mixed in.
CREATE TABLE kpi_quarter_basis (
    id           INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    threshold_ms INTEGER NOT NULL CHECK (threshold_ms >= 0),
    short_ms     INTEGER NOT NULL CHECK (short_ms >= 0)
) STRICT;

-- The defaults of Sync:ReportService (20 s and 5 s); a report with other thresholds moves the basis.
INSERT INTO kpi_quarter_basis (id, threshold_ms, short_ms) VALUES (1, 20000, 5000);

CREATE TABLE kpi_quarters (
    quarter_at                INTEGER NOT NULL,
    queue                     TEXT    NOT NULL,
    agent                     TEXT    NOT NULL,
    threshold_ms              INTEGER NOT NULL,
    short_ms                  INTEGER NOT NULL,
    offered                   INTEGER NOT NULL,
    answered                  INTEGER NOT NULL,
    answered_within           INTEGER NOT NULL,
    abandoned                 INTEGER NOT NULL,
    short_abandoned           INTEGER NOT NULL,
    abandoned_after           INTEGER NOT NULL,
    answered_wait_ms          INTEGER NOT NULL,
    abandon_wait_ms           INTEGER NOT NULL,
    handled                   INTEGER NOT NULL,
    talk_ms                   INTEGER NOT NULL,
    hold_ms                   INTEGER NOT NULL,
    wrap_ms                   INTEGER NOT NULL,
    transferred               INTEGER NOT NULL,
    callbacks_requested       INTEGER NOT NULL,
    callbacks_made            INTEGER NOT NULL,
    callbacks_kept            INTEGER NOT NULL,
    survey_responses          INTEGER NOT NULL,
    survey_total              INTEGER NOT NULL,
    PRIMARY KEY (quarter_at, queue, agent)
) STRICT, WITHOUT ROWID;

-- Summaries stored before this schema: their quarters, with the default thresholds.
INSERT INTO kpi_quarters
SELECT (bucket_at / 900000) * 900000, queue, agent, 20000, 5000, sum(queued), sum(answered), sum(answered AND wait_ms <= 20000),
       sum(abandoned), sum(abandoned AND abandon_wait_ms < 5000), sum(abandoned AND abandon_wait_ms > 20000),
       sum(CASE WHEN answered THEN wait_ms ELSE 0 END), sum(CASE WHEN abandoned THEN abandon_wait_ms ELSE 0 END), sum(handled),
       sum(CASE WHEN handled THEN talk_ms ELSE 0 END), sum(CASE WHEN handled THEN hold_ms ELSE 0 END),
       sum(CASE WHEN handled THEN wrap_ms ELSE 0 END), sum(transfers > 0), sum(callback_requested), sum(callback_attempts > 0),
       sum(callback_kept), count(survey_score), coalesce(sum(survey_score), 0)
FROM kpi_calls GROUP BY 1, 2, 3;
