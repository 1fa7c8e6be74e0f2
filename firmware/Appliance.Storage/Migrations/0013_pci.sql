-- PCI pause markers of a recording: where the file is silence because the caller keyed card or PIN digits, in
-- milliseconds from the recording's first sample. They go when their recording goes (purge, delete).
CREATE TABLE recording_pci_pauses (
    recording_id TEXT    NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
    start_ms     INTEGER NOT NULL CHECK (start_ms >= 0),
    end_ms       INTEGER NOT NULL,
    PRIMARY KEY (recording_id, start_ms),
    CHECK (end_ms >= start_ms)
) STRICT;
