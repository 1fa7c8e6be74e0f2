namespace Appliance.Core.Recording.Internal;

/// <summary>The metadata JSON written beside exported recordings (camelCase on disk).</summary>
internal sealed record RecordingExportMetadata(
    string CallId,
    string? Queue,
    string? Agent,
    string? CallerNumber,
    int? Line,
    DateTimeOffset? StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    string? Outcome,
    bool LegalHold,
    IReadOnlyList<ExportedRecording> Recordings,
    IReadOnlyList<PciMarker> PciMarkers);

/// <summary>One exported WAV with its stored and current hash, and where it is silence for a PCI pause.</summary>
internal sealed record ExportedRecording(
    string File, string RecordingId, DateTimeOffset StartedAt, long DurationMs, int Channels, int SampleRate, long Bytes,
    string? Sha256, string Sha256Now, bool Intact, IReadOnlyList<ExportedPciPause> PciPauses);

/// <summary>A PCI pause in an exported WAV, in milliseconds from the file's first sample.</summary>
internal sealed record ExportedPciPause(long StartMs, long EndMs);

/// <summary>When a sensitive-entry pause began or ended (kind only: the event's data is never exported).</summary>
internal sealed record PciMarker(DateTimeOffset At, string Kind);
