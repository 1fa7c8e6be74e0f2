namespace Appliance.Core.Recording;

/// <summary>Why <see cref="RecordingVerifier"/> left a recording out of the check without calling it a problem.</summary>
public enum RecordingNoteKind
{
    /// <summary>
    /// The file of a call that is still running: its call is in the event log but has no call record yet, so the file is
    /// still being written and enters the chain (with its row) when the call ends.
    /// </summary>
    InProgress,

    /// <summary>
    /// A recording stored before the hash chain existed (before migration 0011): its row has no file hash and no chain
    /// link, and started before the chain began. Nothing vouches for its content, but nothing says it was tampered with.
    /// </summary>
    Unchained,
}
