-- Two-way ticket sync. Head office's changes come back by pull; one that meets a ticket changed on the box since the
-- revision it was based on (or that the box's rules refuse) is kept here whole, never dropped: the box's version
-- stays, head office's losing version is this row.
CREATE TABLE ticket_conflicts (
    change_id          INTEGER NOT NULL PRIMARY KEY,
    ticket_id          TEXT    NOT NULL,
    based_on_revision  INTEGER NOT NULL,
    box_revision       INTEGER NULL,
    box_status         TEXT    NULL,
    ho_status          TEXT    NOT NULL,
    ho_department      TEXT    NOT NULL,
    ho_note            TEXT    NOT NULL,
    ho_actor           TEXT    NOT NULL,
    ho_changed_at      INTEGER NOT NULL,
    reason             TEXT    NOT NULL,
    detected_at        INTEGER NOT NULL
) STRICT;

CREATE INDEX ticket_conflicts_by_ticket ON ticket_conflicts (ticket_id);

-- The last head-office change id the box has applied or set aside: the next pull asks for changes after it.
CREATE TABLE ticket_pull_cursor (
    id              INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_change_id  INTEGER NOT NULL CHECK (last_change_id >= 0),
    updated_at      INTEGER NOT NULL
) STRICT;
