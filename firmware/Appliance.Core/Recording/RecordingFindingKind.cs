namespace Appliance.Core.Recording;

/// <summary>What <see cref="RecordingVerifier"/> found wrong with a recording or the chain.</summary>
public enum RecordingFindingKind
{
    /// <summary>The file's content differs from the hash stored when it was recorded.</summary>
    Changed,

    /// <summary>A recording in the chain (not purged) has no file.</summary>
    Removed,

    /// <summary>A file or database row that the chain does not hold, or a purged file that is still there.</summary>
    Inserted,

    /// <summary>A chain link was edited, removed or inserted in the database.</summary>
    ChainBroken,
}
