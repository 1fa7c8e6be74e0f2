-- Recording compliance: the file hash on each recording, a hash chain over recordings and their purges, and legal holds.
-- The chain is append-only and outlives the rows it covers: a purge deletes the recording row and appends a 'purge'
-- entry, so the chain still verifies after retention has deleted files. Each entry holds the SHA-256 of its file (NULL
-- for a purge) and of the entry before it (64 zeros for the first), and its own SHA-256 over all of that.
ALTER TABLE recordings ADD COLUMN sha256 TEXT NULL CHECK (sha256 IS NULL OR length(sha256) = 64);

CREATE TABLE recording_chain (
    seq             INTEGER NOT NULL PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('recording', 'purge')),
    recording_id    TEXT    NOT NULL,
    path            TEXT    NOT NULL,
    file_sha256     TEXT    NULL CHECK (file_sha256 IS NULL OR length(file_sha256) = 64),
    previous_sha256 TEXT    NOT NULL CHECK (length(previous_sha256) = 64),
    entry_sha256    TEXT    NOT NULL CHECK (length(entry_sha256) = 64),
    at              INTEGER NOT NULL
) STRICT;

-- Recordings of a held call are never purged, whatever their age, until the hold is released.
CREATE TABLE recording_holds (
    call_id TEXT    NOT NULL PRIMARY KEY,
    held_at INTEGER NOT NULL
) STRICT;
