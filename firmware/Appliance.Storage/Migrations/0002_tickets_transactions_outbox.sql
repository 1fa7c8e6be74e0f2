-- Schema 2: complaint tickets, self-service transactions and the outbox that carries both to head office.
-- A ticket or transaction is written together with its outbox entry in one transaction (see TicketRepository), so
-- head office can never miss a change the box committed, nor receive one the box rolled back.
-- Accounts are stored masked only (e.g. 622202******1234); money as integer minor units plus an ISO 4217 code.

CREATE TABLE tickets (
    id             TEXT    NOT NULL PRIMARY KEY,
    branch         TEXT    NOT NULL,
    type           TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    masked_account TEXT    NULL,
    amount_minor   INTEGER NULL,
    currency       TEXT    NULL CHECK (currency IS NULL OR (length(currency) = 3 AND currency GLOB '[A-Z][A-Z][A-Z]')),
    call_id        TEXT    NULL,
    notes          TEXT    NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL CHECK (updated_at >= created_at),
    revision       INTEGER NOT NULL CHECK (revision >= 1),
    CHECK ((amount_minor IS NULL) = (currency IS NULL))
) STRICT;

CREATE INDEX tickets_by_created_at ON tickets (created_at);

CREATE TABLE transactions (
    id             TEXT    NOT NULL PRIMARY KEY,
    branch         TEXT    NOT NULL,
    type           TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    masked_account TEXT    NULL,
    amount_minor   INTEGER NOT NULL,
    currency       TEXT    NOT NULL CHECK (length(currency) = 3 AND currency GLOB '[A-Z][A-Z][A-Z]'),
    call_id        TEXT    NULL,
    notes          TEXT    NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL CHECK (updated_at >= created_at),
    revision       INTEGER NOT NULL CHECK (revision >= 1)
) STRICT;

CREATE INDEX transactions_by_created_at ON transactions (created_at);

-- What head office has not yet acknowledged, in commit order (seq). An entry is deleted only when head office
-- acknowledges its key; AUTOINCREMENT keeps seq increasing even after the newest rows were delivered and deleted.
CREATE TABLE outbox (
    seq             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL CHECK (kind IN ('ticket', 'transaction', 'call')),
    payload         BLOB    NOT NULL,
    payload_version INTEGER NOT NULL CHECK (payload_version >= 1),
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0)
) STRICT;

-- Entries head office refused for good: kept for a technician instead of being retried forever.
CREATE TABLE outbox_rejected (
    seq             INTEGER NOT NULL PRIMARY KEY,
    idempotency_key TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL,
    payload         BLOB    NOT NULL,
    payload_version INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    rejected_at     INTEGER NOT NULL,
    reason          TEXT    NOT NULL
) STRICT;

-- The delivery state shown by `appliance status`; one row, kept here so it survives restarts.
CREATE TABLE outbox_delivery (
    id                   INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_success_at      INTEGER NULL,
    last_error           TEXT    NULL,
    last_error_at        INTEGER NULL,
    consecutive_failures INTEGER NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0)
) STRICT;

INSERT INTO outbox_delivery (id) VALUES (1);
