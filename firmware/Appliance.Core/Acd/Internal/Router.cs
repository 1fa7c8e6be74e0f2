using Appliance.Core.Directory;

namespace Appliance.Core.Acd.Internal;

/// <summary>
/// Decides which waiting caller is offered to which agents next. Owned by the media loop, so it takes no locks; its
/// structures (queues' callers kept in serving order, the agents' slots, the buffer of picked agents) are built once, so
/// a decision in steady state allocates nothing. Callers are considered in serving order across every queue (see
/// <see cref="WaitingCaller.ServeKey"/>), so an agent in several queues gets the highest-priority, longest-waiting
/// caller among them; for each caller the queue's strategy picks among the free members of the lowest penalty. Agents'
/// states are read from their slots, which <see cref="Track"/> keeps in step with the roster, so no lookup by name is made.
/// </summary>
internal sealed class Router(Func<string, AgentStatus> statusOf, TimeProvider time, Func<TimeZoneInfo> zone, Random random)
{
    private readonly Dictionary<string, AgentSlot> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QueueSlot> _queues = new(StringComparer.Ordinal);
    private readonly List<WaitingCaller> _waiting = new(256);
    private AgentSlot[] _picked = new AgentSlot[16];
    private long _decision;

    /// <summary>The agents picked by the last successful <see cref="NextOffer"/>: one, or a tier for ring-all.</summary>
    public ReadOnlySpan<AgentSlot> Picked => _picked.AsSpan(0, PickedCount);

    public int PickedCount { get; private set; }

    /// <summary>The member index of the strategy's choice in the last successful <see cref="NextOffer"/>.</summary>
    public int PickedMember { get; private set; }

    public IEnumerable<QueueSlot> Queues => _queues.Values;

    public AgentSlot AgentFor(string id)
    {
        if (!_agents.TryGetValue(id, out var slot))
        {
            slot = new AgentSlot(id, time.GetUtcNow()) { Status = statusOf(id) };
            _agents.Add(id, slot);
        }

        return slot;
    }

    /// <summary>The live state of <paramref name="definition"/>'s queue; a changed configuration rebuilds its members.</summary>
    public QueueSlot QueueFor(QueueDefinition definition)
    {
        if (_queues.TryGetValue(definition.Name, out var slot) && ReferenceEquals(slot.Definition, definition))
        {
            return slot;
        }

        var fresh = new QueueSlot(definition, AgentFor);
        if (slot is not null)
        {
            fresh.LastOffered = slot.LastOffered;
            foreach (var caller in slot.Callers)
            {
                caller.Slot = fresh;
                fresh.Callers.Add(caller);
            }
        }

        _queues[definition.Name] = fresh;
        return fresh;
    }

    public int WaitingIn(string queue) => _queues.TryGetValue(queue, out var slot) ? slot.Callers.Count : 0;

    /// <summary>Whether any member of the queue is logged in (ready, busy or paused).</summary>
    public bool AnyMemberLoggedIn(QueueSlot queue)
    {
        foreach (var member in queue.Members)
        {
            if (member.Agent.Status != AgentStatus.LoggedOut)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The caller's place in their queue now, 1 first; 0 once they have left it.</summary>
    public static int PositionOf(WaitingCaller caller) => caller.Slot is { } queue ? queue.Callers.IndexOf(caller) + 1 : 0;

    /// <summary>The queue's members able to take its calls (logged in and not paused), and how many of them are free now.</summary>
    public static (int Staffed, int Free) Staffing(QueueSlot queue)
    {
        var (staffed, free) = (0, 0);
        foreach (var member in queue.Members)
        {
            var status = member.Agent.Status;
            staffed += status is AgentStatus.LoggedOut or AgentStatus.NotReady ? 0 : 1;
            free += status == AgentStatus.Available ? 1 : 0;
        }

        return (staffed, free);
    }

    /// <summary>Puts the caller in their queue in serving order; their position is where they land.</summary>
    public void Join(WaitingCaller caller)
    {
        var queue = QueueFor(caller.Queue);
        caller.Slot = queue;
        caller.Position = InsertInOrder(queue.Callers, caller) + 1;
        InsertInOrder(_waiting, caller);
    }

    public void Leave(WaitingCaller caller)
    {
        caller.Slot?.Callers.Remove(caller);
        _waiting.Remove(caller);
    }

    /// <summary>
    /// Finds the first caller, in serving order, whom the strategy can offer to a free agent now (not ringing, not
    /// waiting to retry). The agents are in <see cref="Picked"/>. An agent who just let this caller ring out is tried
    /// only when nobody else is free. Changes nothing: the caller of this method starts the offer.
    /// </summary>
    public bool NextOffer(DateTimeOffset now, out WaitingCaller? caller)
    {
        _decision++;
        foreach (var candidate in _waiting)
        {
            if (!candidate.Ringing && !candidate.Gone && candidate.RetryAt <= now && candidate.Slot is { } queue
                && queue.NobodyFreeInDecision != _decision
                && (Pick(queue, candidate, now, candidate.LastUnanswered) || (candidate.LastUnanswered is not null && Pick(queue, candidate, now, null))))
            {
                caller = candidate;
                return true;
            }
        }

        caller = null;
        return false;
    }

    /// <summary>Remembers where round-robin goes on from after an offer.</summary>
    public void Offered(WaitingCaller caller)
    {
        if (caller.Slot is { } queue)
        {
            queue.LastOffered = PickedMember;
        }
    }

    /// <summary>Keeps the counters the strategies read in step with an agent's state.</summary>
    public void Track(string id, AgentStatus status, DateTimeOffset now)
    {
        var slot = AgentFor(id);
        var before = slot.Status;
        if (before == AgentStatus.OnCall && status != AgentStatus.OnCall && slot.OnCallSince is { } since)
        {
            slot.RollTo(Today(now));
            slot.TalkToday += now - since;
            slot.OnCallSince = null;
        }

        if (status == AgentStatus.OnCall && before != AgentStatus.OnCall)
        {
            slot.RollTo(Today(now));
            slot.CallsToday++;
            slot.OnCallSince = now;
            slot.UnansweredInRow = 0;
        }

        // An offer that rang out does not make the agent any less idle; a call ending or a return from a pause does.
        if (status == AgentStatus.Available && before != AgentStatus.Ringing && before != AgentStatus.Available)
        {
            slot.IdleSince = now;
        }

        slot.Status = status;
    }

    private bool Pick(QueueSlot queue, WaitingCaller caller, DateTimeOffset now, AgentSlot? skip)
    {
        var members = queue.Members;
        var strategy = queue.Strategy;
        var floor = strategy == StrategyKind.Skills ? queue.FloorAfter(now - caller.EnteredAt) : int.MinValue;
        var today = strategy is StrategyKind.FewestCalls or StrategyKind.LeastTalkTime ? Today(now) : default;
        var (bestPenalty, best, ties, anyFree) = (int.MaxValue, -1, 0, false);
        PickedCount = 0;
        for (var i = 0; i < members.Length; i++)
        {
            var member = members[i];
            if (member.Agent.Status != AgentStatus.Available)
            {
                continue;
            }

            anyFree = true;
            if (member.Penalty > bestPenalty || member.Proficiency < floor || ReferenceEquals(member.Agent, skip))
            {
                continue;
            }

            if (member.Penalty < bestPenalty)
            {
                // A free member of a lower penalty: the tier found so far waits behind it (Asterisk's penalty rule).
                (bestPenalty, best, ties, PickedCount) = (member.Penalty, i, 1, 0);
            }
            else if (Better(queue, i, best, today, ++ties))
            {
                best = i;
            }

            if (strategy == StrategyKind.RingAll)
            {
                AddPicked(member.Agent);
            }
        }

        if (best < 0)
        {
            if (!anyFree)
            {
                queue.NobodyFreeInDecision = _decision; // the queue's other callers need not look again
            }

            return false;
        }

        if (strategy != StrategyKind.RingAll)
        {
            AddPicked(members[best].Agent);
        }

        PickedMember = best;
        return true;
    }

    /// <summary>Whether member <paramref name="a"/> goes before member <paramref name="b"/> of the same penalty.</summary>
    private bool Better(QueueSlot queue, int a, int b, DateOnly today, int ties)
    {
        var (x, y) = (queue.Members[a], queue.Members[b]);
        var longerIdle = x.Agent.IdleSince < y.Agent.IdleSince;
        return queue.Strategy switch
        {
            StrategyKind.LongestIdle => longerIdle,
            StrategyKind.RoundRobin => Distance(queue, a) < Distance(queue, b),
            StrategyKind.FewestCalls => x.Agent.CallsOn(today) < y.Agent.CallsOn(today)
                || (x.Agent.CallsOn(today) == y.Agent.CallsOn(today) && longerIdle),
            StrategyKind.LeastTalkTime => x.Agent.TalkOn(today) < y.Agent.TalkOn(today)
                || (x.Agent.TalkOn(today) == y.Agent.TalkOn(today) && longerIdle),
            StrategyKind.Skills => x.Proficiency > y.Proficiency || (x.Proficiency == y.Proficiency && longerIdle),

            // Reservoir sampling: the k-th equal candidate replaces the choice with probability 1/k, so each is as likely.
            StrategyKind.Random => random.Next(ties) == 0,
            _ => false, // linear and ring-all: the listed order
        };
    }

    // How far after the member last offered a call this one comes, going round the list.
    private static int Distance(QueueSlot queue, int member) =>
        (member - queue.LastOffered - 1 + queue.Members.Length) % queue.Members.Length;

    private DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone()).DateTime);

    private void AddPicked(AgentSlot agent)
    {
        if (PickedCount == _picked.Length)
        {
            Array.Resize(ref _picked, _picked.Length * 2);
        }

        _picked[PickedCount++] = agent;
    }

    // Binary search for the first caller served after this one: equal keys keep arrival order.
    private static int InsertInOrder(List<WaitingCaller> callers, WaitingCaller caller)
    {
        var (low, high) = (0, callers.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (callers[middle].ServeKey <= caller.ServeKey)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        callers.Insert(low, caller);
        return low;
    }
}
