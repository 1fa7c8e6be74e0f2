namespace Appliance.Core.Configuration;

/// <summary>The names of the ways a queue picks an agent, as written in the configuration.</summary>
public static class QueueStrategyNames
{
    /// <summary>Ring every free agent; the first to answer takes the call.</summary>
    public const string RingAll = "ring-all";

    /// <summary>The free agent idle the longest.</summary>
    public const string LongestIdle = "longest-idle";

    /// <summary>Agents in turn, remembering where the last call went.</summary>
    public const string RoundRobin = "round-robin";

    /// <summary>The free agent who took the fewest calls today.</summary>
    public const string FewestCalls = "fewest-calls";

    /// <summary>The free agent with the least talk time today.</summary>
    public const string LeastTalkTime = "least-talk-time";

    /// <summary>A free agent at random.</summary>
    public const string Random = "random";

    /// <summary>Agents in the listed order, always from the first.</summary>
    public const string Linear = "linear";

    /// <summary>The most proficient free agent with the queue's skill, widening with the wait.</summary>
    public const string Skills = "skills";

    /// <summary>Every strategy name.</summary>
    public static IReadOnlyList<string> All { get; } =
        [RingAll, LongestIdle, RoundRobin, FewestCalls, LeastTalkTime, Random, Linear, Skills];
}
