namespace Appliance.Core.Recording;

/// <summary>The outcome of verifying the recordings against their hash chain.</summary>
/// <param name="ChainLinks">Links in the chain.</param>
/// <param name="FilesChecked">Recording files whose hash was checked.</param>
/// <param name="Findings">Every problem found, in chain order then file order; empty when all is intact.</param>
public sealed record RecordingVerification(int ChainLinks, int FilesChecked, IReadOnlyList<RecordingFinding> Findings)
{
    /// <summary>Whether nothing was found.</summary>
    public bool Intact => Findings.Count == 0;
}
