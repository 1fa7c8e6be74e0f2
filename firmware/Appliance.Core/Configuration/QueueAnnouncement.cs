namespace Appliance.Core.Configuration;

/// <summary>
/// What a waiting caller is told about their wait: their place in line and the expected wait, on entry and then every
/// <see cref="EverySeconds"/>. A queue without it announces nothing.
/// </summary>
public sealed record QueueAnnouncement
{
    /// <summary>Seconds between announcements after the one on entry; 0 means only on entry.</summary>
    public int EverySeconds { get; init; }

    /// <summary>Whether the caller hears their place in line ("you are caller number 3").</summary>
    public bool Position { get; init; } = true;

    /// <summary>Whether the caller hears the expected wait, when the queue can forecast one.</summary>
    public bool ExpectedWait { get; init; } = true;
}
