using Appliance.Core.Acd;
using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;
using Appliance.Core.Routing;
using Appliance.Core.Tests.Fakes;
using Appliance.Testing;

namespace Appliance.Core.Tests.Queues;

/// <summary>
/// A branch made of the queues and simulated agents a test names, run through a real <see cref="ConfigurationSnapshot"/>
/// on the manual clock. A caller on line N goes straight into the N-th queue (the menu is a single queue node), so a
/// test deals with the ACD alone. The menu "sorry" plays a message and hangs up, for overflow tests.
/// </summary>
internal sealed class AcdScenario : IDisposable
{
    public static readonly DateTimeOffset Monday = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<FakeCallerChannel, CallSession> _sessions = [];

    public AcdScenario(IReadOnlyList<QueueConfig> queues, IReadOnlyList<AgentConfig> agents, Random? random = null, IReadOnlyList<VipCaller>? vips = null, string? language = null,
        Appliance.Core.Acd.Callbacks.AcdCallbacks? callbacks = null, DateTimeOffset? start = null)
    {
        var configuration = new CallCenterConfiguration
        {
            EntryPoints = [.. queues.Select((q, i) => new EntryPointConfig { Name = "line" + (i + 1), Lines = [i + 1], Menu = "to-" + q.Name, Language = language })],
            Menus =
            [
                .. queues.Select(q => new MenuConfig { Name = "to-" + q.Name, Start = "q", Nodes = [new QueueNode { Id = "q", Queue = q.Name }] }),
                new MenuConfig
                {
                    Name = "sorry",
                    Start = "message",
                    Nodes = [new PlayNode { Id = "message", Prompt = "closed", Interruptible = false, Next = "bye" }, new HangupNode { Id = "bye" }],
                },
            ],
            Queues = queues,
            Agents = agents,
            VipCallers = vips ?? [],
        };
        Harness = new CallCenterHarness(new ConfigurationSnapshot(configuration, 1), new ManualTimeProvider(start ?? Monday), random, callbacks);
        Harness.CallCenter.CallStarted += call => _sessions[(FakeCallerChannel)call.Channel] = call;
    }

    public CallCenterHarness Harness { get; }

    public ManualTimeProvider Time => Harness.Time;

    /// <summary>A simulated agent: answers after <paramref name="answerMs"/>, hangs up after <paramref name="talkSeconds"/> of talk.</summary>
    public static AgentConfig Agent(string id, int talkSeconds = 5, int answerMs = 1000, params AgentSkill[] skills) => new()
    {
        Id = id,
        Name = "Agent " + id,
        Extension = id,
        Skills = skills,
        Simulated = new SimulatedPhone { AnswerAfterMilliseconds = answerMs, ToneHz = 1400, Script = "talk=" + talkSeconds },
    };

    public static AgentSkill Skill(string name, int proficiency) => new() { Skill = name, Proficiency = proficiency };

    public static IReadOnlyList<QueueMember> Members(params string[] agents) => [.. agents.Select(a => new QueueMember { Agent = a })];

    /// <summary>A caller on <paramref name="line"/> (queue number <paramref name="line"/>), already in the queue.</summary>
    public FakeCallerChannel Call(int line = 1, string number = "13900000000") => Harness.Call(number, line);

    public CallSession Session(FakeCallerChannel caller) => _sessions[caller];

    /// <summary>Steps the clock until the caller talks to an agent; returns the agent.</summary>
    public string Connected(FakeCallerChannel caller, int withinSeconds = 60)
    {
        Assert.True(Time.AdvanceUntil(() => Session(caller).Agent is not null, TimeSpan.FromSeconds(withinSeconds)), "the caller was not connected");
        return Session(caller).Agent!;
    }

    /// <summary>Steps the clock until the call has ended (the agent's script hangs up).</summary>
    public void Ended(FakeCallerChannel caller, int withinSeconds = 60) =>
        Assert.True(Time.AdvanceUntil(() => caller.State == Telephony.Channels.ChannelState.Down, TimeSpan.FromSeconds(withinSeconds)), "the call did not end");

    /// <summary>One caller at a time: each is connected and finishes before the next calls; returns who took each.</summary>
    public List<string> OneAfterAnother(int calls, int line = 1)
    {
        var agents = new List<string>();
        for (var i = 0; i < calls; i++)
        {
            var caller = Call(line);
            agents.Add(Connected(caller));
            Ended(caller);
            Run(TimeSpan.FromSeconds(1));
        }

        return agents;
    }

    /// <summary>Changes an agent's state on the media loop, as the agent's phone or CLI would.</summary>
    public void Set(string agent, AgentStatus status)
    {
        Harness.Clock.Post(() => Harness.Roster.Set(agent, status));
        Run(TimeSpan.FromMilliseconds(40));
    }

    public void Run(TimeSpan span) => Harness.Run(span);

    public IEnumerable<Journal.CallEvent> Events(string kind) => Harness.Journal.Events.Where(e => e.Kind == kind);

    public IEnumerable<Journal.CallEvent> EventsOf(FakeCallerChannel caller) => Harness.Journal.Events.Where(e => e.CallId == Session(caller).CallId);

    public void Dispose() => Harness.Dispose();
}
