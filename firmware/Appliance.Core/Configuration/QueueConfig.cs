namespace Appliance.Core.Configuration;

/// <summary>
/// An ACD queue: how it picks agents (<see cref="Strategy"/>, skills), how long callers and agents wait, what happens
/// when it is full, empty or too slow, and what callers are told while they wait.
/// </summary>
public sealed record QueueConfig
{
    /// <summary>The queue's name, unique among queues.</summary>
    public string Name { get; init; } = "";

    /// <summary>How an agent is chosen; one of <see cref="QueueStrategyNames.All"/>.</summary>
    public string Strategy { get; init; } = QueueStrategyNames.RingAll;

    /// <summary>For the "skills" strategy: the skill a caller needs.</summary>
    public string? Skill { get; init; }

    /// <summary>For the "skills" strategy: the least proficiency (1–10) accepted before any widening.</summary>
    public int MinProficiency { get; init; } = 1;

    /// <summary>For the "skills" strategy: after a wait, accept lower proficiency; steps in increasing time.</summary>
    public IReadOnlyList<SkillWidening> Widening { get; init; } = [];

    /// <summary>The queue's agents with their penalties (lower is offered first); "skills" queues may leave it empty.</summary>
    public IReadOnlyList<QueueMember> Members { get; init; } = [];

    /// <summary>Seconds an agent's phone rings before the offer moves on.</summary>
    public int RingTimeoutSeconds { get; init; } = 15;

    /// <summary>Seconds before an unanswered caller is offered again.</summary>
    public int RetrySeconds { get; init; } = 5;

    /// <summary>Seconds a caller may wait before <see cref="Overflow"/>; 0 means no limit.</summary>
    public int MaxWaitSeconds { get; init; } = 300;

    /// <summary>Callers the queue holds at most; a caller beyond it goes to <see cref="Overflow"/>; 0 means no limit.</summary>
    public int MaxLength { get; init; }

    /// <summary>After-call work an agent gets after each call, in seconds.</summary>
    public int WrapUpSeconds { get; init; } = 5;

    /// <summary>Where callers go when the queue is full, too slow, or empty by the rules below: "queue:NAME", "menu:NAME" or "hangup".</summary>
    public string? Overflow { get; init; }

    /// <summary>Whether a caller may join while no agent is logged in.</summary>
    public bool JoinEmpty { get; init; } = true;

    /// <summary>Whether waiting callers leave (to <see cref="Overflow"/>) when the last agent logs out.</summary>
    public bool LeaveWhenEmpty { get; init; }

    /// <summary>Position and expected-wait announcements; none when absent.</summary>
    public QueueAnnouncement? Announce { get; init; }

    /// <summary>A callback that keeps the caller's place; not offered when absent.</summary>
    public QueueCallback? Callback { get; init; }

    /// <summary>Unanswered offers in a row after which an agent is paused; 0 means never.</summary>
    public int AutoPauseAfter { get; init; } = 3;

    /// <summary>
    /// Seconds of waiting worth one priority level: a caller who has waited this long ranks with a caller one level
    /// higher who just arrived, so a stream of priority callers cannot keep an ordinary caller waiting for ever.
    /// </summary>
    public int AgingSeconds { get; init; } = 30;

    /// <summary>Days a recording of this queue's calls is kept before the purge deletes it; null uses Recordings:DefaultRetentionDays.</summary>
    public int? RetentionDays { get; init; }

    /// <summary>The post-call survey offered when the agent hangs up first; none when absent.</summary>
    public QueueSurvey? Survey { get; init; }
}
