namespace Appliance.Storage;

/// <summary>A recording file of a call.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="CallId">The call it belongs to, if any.</param>
/// <param name="Path">Where the WAV file is (unique).</param>
/// <param name="StartedAt">When recording began (stored to the millisecond).</param>
/// <param name="DurationMilliseconds">Length of the audio.</param>
/// <param name="Channels">1 (mono), 2 (caller left, agent right) or 3 (what caller, agent and supervisor heard).</param>
/// <param name="SampleRate">Samples per second (8000-192000).</param>
/// <param name="Bytes">File size.</param>
public sealed record RecordingRecord(
    string Id,
    string? CallId,
    string Path,
    DateTimeOffset StartedAt,
    long DurationMilliseconds,
    int Channels,
    int SampleRate,
    long Bytes)
{
    /// <summary>SHA-256 of the finished file (lower-case hex), also held in the recording hash chain; null if not hashed.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Where the file is silence for a PCI pause (card or PIN entry), in order; stored with the recording.</summary>
    public IReadOnlyList<RecordingPciPause> PciPauses { get; init; } = [];
}
