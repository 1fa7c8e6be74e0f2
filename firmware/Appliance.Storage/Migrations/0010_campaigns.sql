-- Outbound campaigns (Appliance.Core.Campaigns): a campaign dials its contacts for the agents of one queue, within its
-- calling hours (minutes after midnight in the branch's time zone), up to max_attempts per contact, retrying after the
-- interval for the last outcome. Contacts keep their attempts and next attempt time, so a restart resumes the schedule.
CREATE TABLE campaigns (
    name                 TEXT    NOT NULL PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
    queue                TEXT    NOT NULL CHECK (length(queue) BETWEEN 1 AND 64),
    mode                 TEXT    NOT NULL CHECK (mode IN ('preview', 'progressive')),
    hours_from           INTEGER NOT NULL CHECK (hours_from BETWEEN 0 AND 1440),
    hours_to             INTEGER NOT NULL CHECK (hours_to BETWEEN 0 AND 1440),
    max_attempts         INTEGER NOT NULL CHECK (max_attempts BETWEEN 1 AND 3),
    retry_busy           INTEGER NOT NULL CHECK (retry_busy >= 0),
    retry_no_answer      INTEGER NOT NULL CHECK (retry_no_answer >= 0),
    retry_congestion     INTEGER NOT NULL CHECK (retry_congestion >= 0),
    ring_seconds         INTEGER NOT NULL CHECK (ring_seconds BETWEEN 5 AND 120),
    dial_string          TEXT    NOT NULL CHECK (length(dial_string) BETWEEN 1 AND 128),
    state                TEXT    NOT NULL CHECK (state IN ('draft', 'running', 'paused', 'finished')),
    created_at           INTEGER NOT NULL
) STRICT;

-- One row per number of a campaign; result is set once the contact is done (answered, a final failure, dnc, or the
-- code an agent gave). dialling = 1 while an attempt is under way: a box that stopped then counts it.
CREATE TABLE campaign_contacts (
    campaign     TEXT    NOT NULL REFERENCES campaigns (name),
    number       TEXT    NOT NULL CHECK (length(number) BETWEEN 3 AND 32),
    name         TEXT    NOT NULL CHECK (length(name) <= 128),
    line         INTEGER NOT NULL CHECK (line >= 1),
    attempts     INTEGER NOT NULL CHECK (attempts BETWEEN 0 AND 3),
    next_at      INTEGER NOT NULL,
    last_outcome TEXT    NULL,
    result       TEXT    NULL,
    dialling     INTEGER NOT NULL CHECK (dialling IN (0, 1)),
    PRIMARY KEY (campaign, number)
) STRICT;

CREATE TABLE campaign_dnc (
    number   TEXT    NOT NULL PRIMARY KEY CHECK (length(number) BETWEEN 3 AND 32),
    added_at INTEGER NOT NULL
) STRICT;
