namespace Appliance.Core.Acd.Internal;

/// <summary>
/// What the ACD remembers about one agent for its strategies: since when they are idle, today's calls and talk time,
/// and unanswered offers in a row. Lives on the media loop (no locks).
/// </summary>
internal sealed class AgentSlot(string id, DateTimeOffset idleSince)
{
    public string Id { get; } = id;

    /// <summary>The state last seen, to tell which change ends a call or a pause.</summary>
    public AgentStatus Status { get; set; }

    /// <summary>When the agent's last call ended or they became available; the longest idle is the earliest.</summary>
    public DateTimeOffset IdleSince { get; set; } = idleSince;

    /// <summary>The branch's day <see cref="CallsToday"/> and <see cref="TalkToday"/> count for.</summary>
    public DateOnly Day { get; set; }

    public int CallsToday { get; set; }

    public TimeSpan TalkToday { get; set; }

    /// <summary>When the current call was connected, while the agent is on a call.</summary>
    public DateTimeOffset? OnCallSince { get; set; }

    /// <summary>Offers in a row the agent let ring out; reset by an answer.</summary>
    public int UnansweredInRow { get; set; }

    /// <summary>Today's calls as of <paramref name="today"/> (yesterday's count is zero today).</summary>
    public int CallsOn(DateOnly today) => Day == today ? CallsToday : 0;

    /// <summary>Today's talk time as of <paramref name="today"/>.</summary>
    public TimeSpan TalkOn(DateOnly today) => Day == today ? TalkToday : TimeSpan.Zero;

    /// <summary>Moves the counters to <paramref name="today"/>, starting them again on a new day.</summary>
    public void RollTo(DateOnly today)
    {
        if (Day != today)
        {
            (Day, CallsToday, TalkToday) = (today, 0, TimeSpan.Zero);
        }
    }
}
