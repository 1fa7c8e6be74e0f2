namespace Appliance.Core.Configuration;

/// <summary>
/// A callback that keeps the caller's place: while waiting, the caller presses <see cref="Key"/>, confirms the number
/// to call (their caller ID or one they key), and hangs up; when their place comes up the box reserves an agent and
/// dials them through <see cref="DialString"/>, up to <see cref="Attempts"/> times.
/// </summary>
public sealed record QueueCallback
{
    /// <summary>The key (0–9, * or #) a waiting caller presses to ask for a callback.</summary>
    public string Key { get; init; } = "1";

    /// <summary>Dial attempts in all before the callback is closed as failed.</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>Seconds to wait before each retry: one entry per retry (attempts − 1 entries).</summary>
    public IReadOnlyList<int> RetryAfterSeconds { get; init; } = [60, 300];

    /// <summary>Seconds a caller waits before the callback is offered (and the key accepted); 0 from the start.</summary>
    public int OfferAfterSeconds { get; init; }

    /// <summary>How the customer is dialled; "{number}" is replaced with the confirmed number, e.g. "line:{number}".</summary>
    public string DialString { get; init; } = "line:{number}";

    /// <summary>The fewest digits a keyed number may have.</summary>
    public int MinDigits { get; init; } = 3;

    /// <summary>The most digits a keyed number may have.</summary>
    public int MaxDigits { get; init; } = 15;
}
