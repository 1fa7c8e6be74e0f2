using Appliance.Storage;

namespace Appliance.Core.Journal;

/// <summary>A finished recording of a call.</summary>
public sealed record RecordingInfo(string Id, string CallId, string Path, DateTimeOffset StartedAt, TimeSpan Duration, int Channels, int SampleRate, long Bytes)
{
    /// <summary>The PCI pauses in the file (silence while the caller keyed card or PIN digits), oldest first.</summary>
    public IReadOnlyList<RecordingPciPause> PciPauses { get; init; } = [];
}
