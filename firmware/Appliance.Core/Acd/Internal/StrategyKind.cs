using Appliance.Core.Configuration;

namespace Appliance.Core.Acd.Internal;

/// <summary>The queue strategies, parsed once from <see cref="QueueStrategyNames"/> so a decision compares no strings.</summary>
internal enum StrategyKind
{
    RingAll,
    LongestIdle,
    RoundRobin,
    FewestCalls,
    LeastTalkTime,
    Random,
    Linear,
    Skills,
}
