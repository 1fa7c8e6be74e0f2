namespace Appliance.Core.Recording;

/// <summary>What <see cref="RecordingExporter"/> wrote.</summary>
/// <param name="Files">The WAV copies and the metadata JSON, in the export folder.</param>
/// <param name="Altered">Recordings whose file no longer has the hash stored with it (exported anyway, marked in the metadata).</param>
public sealed record RecordingExportResult(IReadOnlyList<string> Files, IReadOnlyList<string> Altered);
