using Appliance.Core.Configuration;

namespace Appliance.Core.Directory;

/// <summary>
/// An ACD queue as the ACD reads it: its agents (in listed order), how long an agent rings, how long a caller may wait,
/// wrap-up time, and (with safe defaults, so a queue built in code only names what it needs) the strategy, skills,
/// limits, overflow and auto-pause of <see cref="QueueConfig"/>.
/// </summary>
public sealed record QueueDefinition(
    string Name,
    TimeSpan RingTimeout,
    TimeSpan MaxWait,
    TimeSpan WrapUp,
    IReadOnlyList<string> AgentIds)
{
    private IReadOnlyList<QueueMemberDefinition>? _members;

    /// <summary>One of <see cref="QueueStrategyNames.All"/>.</summary>
    public string Strategy { get; init; } = QueueStrategyNames.RingAll;

    /// <summary>The members with penalty and proficiency; by default every agent of <see cref="AgentIds"/> at penalty 0.</summary>
    public IReadOnlyList<QueueMemberDefinition> Members
    {
        get => _members ??= [.. AgentIds.Select(id => new QueueMemberDefinition(id))];
        init => _members = value;
    }

    /// <summary>For the skills strategy: the least proficiency accepted before any widening.</summary>
    public int MinProficiency { get; init; }

    /// <summary>For the skills strategy: lower floors after longer waits, in increasing time.</summary>
    public IReadOnlyList<SkillWidening> Widening { get; init; } = [];

    /// <summary>How long a caller whose offer went unanswered waits before the next offer.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Callers the queue holds at most; 0 means no limit.</summary>
    public int MaxLength { get; init; }

    /// <summary>Where callers go when the queue cannot serve them; null means hang up after a goodbye.</summary>
    public RouteTarget? Overflow { get; init; }

    /// <summary>Whether a caller may join while every member is logged out.</summary>
    public bool JoinEmpty { get; init; } = true;

    /// <summary>Whether waiting callers leave to the overflow when the last member logs out.</summary>
    public bool LeaveWhenEmpty { get; init; }

    /// <summary>Unanswered offers in a row after which an agent is paused; 0 means never.</summary>
    public int AutoPauseAfter { get; init; }

    /// <summary>How long a caller waits to be worth one priority level more (see the ACD's ordering rule).</summary>
    public TimeSpan AgingStep { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Position and expected-wait announcements; null announces nothing.</summary>
    public QueueAnnouncement? Announce { get; init; }

    /// <summary>The callback that keeps the caller's place; null offers none.</summary>
    public QueueCallback? Callback { get; init; }

    /// <summary>Days a recording of this queue's calls is kept; null means the appliance's default retention.</summary>
    public int? RetentionDays { get; init; }

    /// <summary>The post-call survey offered when the agent hangs up first; null offers none.</summary>
    public QueueSurvey? Survey { get; init; }
}
