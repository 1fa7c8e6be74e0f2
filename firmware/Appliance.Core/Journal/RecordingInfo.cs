namespace Appliance.Core.Journal;

/// <summary>A finished recording of a call.</summary>
public sealed record RecordingInfo(string Id, string CallId, string Path, DateTimeOffset StartedAt, TimeSpan Duration, int Channels, int SampleRate, long Bytes);
