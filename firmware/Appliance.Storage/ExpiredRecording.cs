namespace Appliance.Storage;

/// <summary>A recording past its retention, as the purge needs it.</summary>
/// <param name="Id">The recording.</param>
/// <param name="CallId">Its call, if any.</param>
/// <param name="Path">The WAV file to delete.</param>
public sealed record ExpiredRecording(string Id, string? CallId, string Path);
