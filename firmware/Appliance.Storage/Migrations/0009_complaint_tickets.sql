-- Schema 8: complaint tickets. A complaint is a row of `tickets` (category = type, description = notes, the one
-- revision counter) plus the complaint's own fields here, written in the same transaction as the ticket and its
-- outbox entry. Generic tickets (`appliance sim ticket`) simply have no row here.

CREATE TABLE complaint_details (
    ticket_id        TEXT    NOT NULL PRIMARY KEY REFERENCES tickets (id),
    sub_category     TEXT    NOT NULL DEFAULT '',
    customer_number  TEXT    NOT NULL,
    customer_name    TEXT    NOT NULL DEFAULT '',
    channel          TEXT    NOT NULL,
    department       TEXT    NULL,
    deadline_at      INTEGER NULL,
    escalation_level INTEGER NOT NULL DEFAULT 0 CHECK (escalation_level >= 0),
    repeat_of        TEXT    NULL,
    satisfaction     INTEGER NULL CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
    callback_due_at  INTEGER NULL
) STRICT;

-- The repeat-complaint check looks up the same customer and category.
CREATE INDEX complaint_details_by_customer ON complaint_details (customer_number);

-- The overdue chase looks for deadlines that passed.
CREATE INDEX complaint_details_by_deadline ON complaint_details (deadline_at) WHERE deadline_at IS NOT NULL;

-- Every change of a complaint: who, when, what (DOMAIN.md: "every ticket keeps its history").
CREATE TABLE ticket_history (
    ticket_id TEXT    NOT NULL REFERENCES tickets (id),
    revision  INTEGER NOT NULL CHECK (revision >= 1),
    at        INTEGER NOT NULL,
    actor     TEXT    NOT NULL,
    change    TEXT    NOT NULL,
    PRIMARY KEY (ticket_id, revision)
) STRICT;
