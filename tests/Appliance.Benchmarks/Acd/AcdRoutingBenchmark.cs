using Appliance.Core.Acd;
using Appliance.Core.Acd.Internal;
using Appliance.Core.Configuration;
using Appliance.Core.Directory;
using Appliance.Core.Journal;
using Appliance.Core.Routing;
using Appliance.Telephony.Channels;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Appliance.Benchmarks.Acd;

/// <summary>
/// One routing decision of the ACD (which waiting caller goes to which free agent) in a large branch: 500 agents in 50
/// skills queues, each agent in 5 queues with varied proficiency, 4 callers waiting in every queue at mixed priorities.
/// <see cref="OneAgentFree"/>: a single agent is free, and only callers deep in the serving order can take them (the
/// decision scans most callers and members). <see cref="NobodyFree"/>: the worst case, every caller and member looked at
/// with nothing to offer. Target: p99 ≤ 50 µs and no allocation per decision.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class AcdRoutingBenchmark
{
    private const int Agents = 500;
    private const int Queues = 50;
    private const int QueuesPerAgent = 5;
    private const int CallersPerQueue = 4;
    private Router _oneFree = null!;
    private Router _noneFree = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _now = TimeProvider.System.GetUtcNow();
        _oneFree = Build(AgentStatus.Available);
        _noneFree = Build(AgentStatus.OnCall);
        if (!OneAgentFree() || NobodyFree())
        {
            throw new InvalidOperationException("the scenario does not route as intended");
        }
    }

    [Benchmark]
    public bool OneAgentFree() => _oneFree.NextOffer(_now, out _);

    [Benchmark]
    public bool NobodyFree() => _noneFree.NextOffer(_now, out _);

    private static string AgentId(int index) => (1000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Agent 1499 (the only one who may be free) has proficiency 4 to 8 in queues 49, 9, 19, 29 and 39.
    private Router Build(AgentStatus lastAgent)
    {
        var time = TimeProvider.System;
        var status = new Dictionary<string, AgentStatus>(StringComparer.Ordinal);
        var router = new Router(id => status.GetValueOrDefault(id, AgentStatus.LoggedOut), time, () => TimeZoneInfo.Utc, new Random(1));
        var members = Enumerable.Range(0, Queues).Select(_ => new List<QueueMemberDefinition>()).ToList();
        for (var agent = 0; agent < Agents; agent++)
        {
            status[AgentId(agent)] = agent == Agents - 1 ? lastAgent : AgentStatus.OnCall;
            for (var k = 0; k < QueuesPerAgent; k++)
            {
                members[(agent + (k * 10)) % Queues].Add(new QueueMemberDefinition(AgentId(agent), agent % 3, 1 + ((agent * 7) + k) % 10));
            }
        }

        var journal = new NullJournal();
        for (var q = 0; q < Queues; q++)
        {
            var definition = new QueueDefinition("skill" + q, TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(10), TimeSpan.Zero, [.. members[q].Select(m => m.AgentId)])
            {
                Strategy = QueueStrategyNames.Skills,
                Members = members[q],
                MinProficiency = 6,
                Widening = [new SkillWidening { AfterSeconds = 60, MinProficiency = 3 }],
            };
            for (var c = 0; c < CallersPerQueue; c++)
            {
                var session = new CallSession($"call-{q}-{c}", new IdleChannel($"bench/{q}/{c}"), null, journal, time);
                router.Join(new WaitingCaller(session, definition, _now.AddSeconds(-c * 10), 0) { Priority = (q + c) % 4 });
            }
        }

        return router;
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P95, new P99Column());
    }

    private sealed class NullJournal : ICallJournal
    {
        public void Append(CallEvent callEvent)
        {
        }

        public Task CompleteCallAsync(CallDetail detail) => Task.CompletedTask;
    }

    private sealed class IdleChannel(string id) : ChannelBase(id, "bench", "1", CallerIdentity.Unknown)
    {
        public override void Answer()
        {
        }

        protected override bool ReceiveAudio(Span<short> frame) => false;

        protected override void TransmitAudio(ReadOnlySpan<short> frame)
        {
        }

        protected override void OnLocalHangUp(HangupCause cause)
        {
        }
    }
}
