namespace Appliance.Core.Recording;

/// <summary>The outcome of verifying the recordings against their hash chain.</summary>
/// <param name="ChainLinks">Links in the chain.</param>
/// <param name="FilesChecked">Recording files whose hash was checked.</param>
/// <param name="Findings">Every problem found, in chain order then file order; empty when all is intact.</param>
public sealed record RecordingVerification(int ChainLinks, int FilesChecked, IReadOnlyList<RecordingFinding> Findings)
{
    /// <summary>Recordings left out without being a problem: files of running calls, recordings from before the chain.</summary>
    public IReadOnlyList<RecordingNote> Notes { get; init; } = [];

    /// <summary>Whether nothing was found (notes do not count: they are not tampering).</summary>
    public bool Intact => Findings.Count == 0;

    /// <summary>How many files belong to calls still running.</summary>
    public int InProgress => Notes.Count(n => n.Kind == RecordingNoteKind.InProgress);

    /// <summary>How many recordings date from before the hash chain.</summary>
    public int Unchained => Notes.Count(n => n.Kind == RecordingNoteKind.Unchained);
}
