namespace Appliance.Storage.Quality;

/// <summary>A call drawn into a week's QA review list.</summary>
/// <param name="CallId">The call.</param>
/// <param name="WeekStart">Monday 00:00 UTC of the week it was drawn for.</param>
/// <param name="Agent">The agent who handled it.</param>
/// <param name="Queue">The queue it came through, if any.</param>
/// <param name="RecordingId">Its recording.</param>
/// <param name="StartedAt">When the call started.</param>
public sealed record QaSampleRecord(string CallId, DateTimeOffset WeekStart, string Agent, string? Queue, string RecordingId, DateTimeOffset StartedAt)
{
    /// <summary>Whether a score has been stored for the call (any scorecard); filled when listed.</summary>
    public bool Scored { get; init; }
}
