-- The call center's configuration as whole documents (Appliance.Core.Configuration): every accepted version is kept,
-- the newest is in force. The lines, menus, queues and queue_members tables of migration 1 are read only once, to
-- convert a box configured before this migration into its first version. The agents table stays: it mirrors the
-- document's agents so each phone's SIP credentials (hashes only) have a row to live on.
CREATE TABLE config_versions (
    version    INTEGER NOT NULL PRIMARY KEY CHECK (version >= 1),
    applied_at INTEGER NOT NULL,
    source     TEXT    NOT NULL CHECK (length(source) BETWEEN 1 AND 200),
    document   TEXT    NOT NULL CHECK (length(document) BETWEEN 2 AND 4194304),
    sha256     TEXT    NOT NULL CHECK (length(sha256) = 64)
) STRICT;
