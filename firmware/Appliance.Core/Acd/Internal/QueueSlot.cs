using Appliance.Core.Configuration;
using Appliance.Core.Directory;

namespace Appliance.Core.Acd.Internal;

/// <summary>
/// One queue's live state on the media loop: its definition, its members resolved to agent slots (rebuilt only when the
/// configuration changes), its waiting callers in serving order, and the round-robin memory.
/// </summary>
internal sealed class QueueSlot
{
    // An array, not the definition's list: walking it in a decision must not allocate an enumerator.
    private readonly (TimeSpan After, int Floor)[] _widening;

    public QueueSlot(QueueDefinition definition, Func<string, AgentSlot> agentFor)
    {
        Definition = definition;
        Members = [.. definition.Members.Select(m => new QueueMemberSlot(agentFor(m.AgentId), m.Penalty, m.Proficiency))];
        Strategy = Parse(definition.Strategy);
        _widening = [.. definition.Widening.Select(w => (TimeSpan.FromSeconds(w.AfterSeconds), w.MinProficiency))];
    }

    public QueueDefinition Definition { get; }

    public QueueMemberSlot[] Members { get; }

    public StrategyKind Strategy { get; }

    /// <summary>Waiting callers, in serving order (see <see cref="WaitingCaller.ServeKey"/>).</summary>
    public List<WaitingCaller> Callers { get; } = new(64);

    /// <summary>The decision in which this queue was found to have no free member, so its other callers are skipped.</summary>
    public long NobodyFreeInDecision { get; set; } = -1;

    /// <summary>The member index last offered a call, so round-robin goes on after them; -1 before any.</summary>
    public int LastOffered { get; set; } = -1;

    /// <summary>The least proficiency a caller who has waited <paramref name="waited"/> here accepts (skills queues).</summary>
    public int FloorAfter(TimeSpan waited)
    {
        var floor = Definition.MinProficiency;
        foreach (var (after, lower) in _widening)
        {
            if (waited >= after)
            {
                floor = lower;
            }
        }

        return floor;
    }

    /// <summary>How long after joining the next widening step applies, or null when there is none left.</summary>
    public TimeSpan? NextWideningAfter(TimeSpan waited)
    {
        foreach (var (after, _) in _widening)
        {
            if (after > waited)
            {
                return after;
            }
        }

        return null;
    }

    private static StrategyKind Parse(string name) => name switch
    {
        QueueStrategyNames.LongestIdle => StrategyKind.LongestIdle,
        QueueStrategyNames.RoundRobin => StrategyKind.RoundRobin,
        QueueStrategyNames.FewestCalls => StrategyKind.FewestCalls,
        QueueStrategyNames.LeastTalkTime => StrategyKind.LeastTalkTime,
        QueueStrategyNames.Random => StrategyKind.Random,
        QueueStrategyNames.Linear => StrategyKind.Linear,
        QueueStrategyNames.Skills => StrategyKind.Skills,
        _ => StrategyKind.RingAll,
    };
}
