using Appliance.Core.Directory;
using Appliance.Core.Supervision;
using Appliance.Core.Tests.Fakes;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Media;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Core.Tests.Supervision;

/// <summary>
/// The call center with one agent (1001, speaks 1400 Hz) in queue "general", a supervisor (2001, speaks 2000 Hz) and an
/// agent who is no supervisor (1002), all on test phones that keep what they hear; the caller speaks 600 Hz.
/// </summary>
internal sealed class SupervisionHarness : IDisposable
{
    public const double CallerHz = 600;
    public const double AgentHz = 1400;
    public const double SupervisorHz = 2000;

    // Each voice arrives at -12 dBm0; an absent tone's leakage over a second is far below -50 dBm0, while a single 20 ms
    // frame of it inside the block would read about -29 dBm0. So "absent" means in no frame at all.
    private const double PresentDbm0 = -20;
    private const double AbsentDbm0 = -50;

    public SupervisionHarness(string supervisorDial = "test:2001;answer=1000;tone=2000")
    {
        var directory = new InMemoryDirectory().WithQueue(TimeSpan.FromMinutes(5), TimeSpan.Zero, new AgentDefinition("1001", "Li Wei", "test:1001;answer=1000;tone=1400"));
        directory.AgentList.Add(new AgentDefinition("2001", "Wang Fang", supervisorDial) { Supervisor = true });
        directory.AgentList.Add(new AgentDefinition("1002", "Zhang Min", "test:1002;answer=1000;tone=1600"));
        Calls = new CallCenterHarness(directory);
        Service = new SupervisionService(Calls.Clock, Calls.Dialers, directory, Calls.Roster, Calls.Supervisable, Calls.Recordings, NullLogger<SupervisionService>.Instance);
    }

    public CallCenterHarness Calls { get; }

    public SupervisionService Service { get; }

    public TestPhone Agent => Calls.Phones.Last("1001");

    public TestPhone Supervisor => Calls.Phones.Last("2001");

    /// <summary>A caller who pressed 1 and now talks to agent 1001.</summary>
    public FakeCallerChannel ConnectedCaller()
    {
        var caller = Calls.Call();
        caller.Press('1');
        Assert.True(Calls.Time.AdvanceUntil(() => Calls.Supervisable.Agents.Contains("1001"), TimeSpan.FromSeconds(30)), "the agent never took the call");
        return caller;
    }

    /// <summary>Runs the clock until <paramref name="task"/> completes (bounded) and returns it to be awaited.</summary>
    public Task<T> Settle<T>(Task<T> task)
    {
        Assert.True(Calls.Time.AdvanceUntil(() => task.IsCompleted, SupervisionService.RingTimeout + TimeSpan.FromSeconds(5)), "the request never completed");
        return task;
    }

    /// <summary>What each party received during <paramref name="span"/> from now.</summary>
    public (short[] Caller, short[] Agent, short[] Supervisor) Listen(FakeCallerChannel caller, TimeSpan span)
    {
        Calls.Run(TimeSpan.FromMilliseconds(20)); // let a change posted just now reach a whole tick
        var (c, a, s) = (caller.Heard.Count, Agent.Heard.Count, Supervisor.Heard.Count);
        Calls.Run(span);
        return ([.. caller.Heard.Skip(c)], [.. Agent.Heard.Skip(a)], [.. Supervisor.Heard.Skip(s)]);
    }

    public Task<SupervisionInfo> Start(SupervisionMode mode) => Settle(Service.StartAsync("2001", "1001", mode));

    public static void AssertHearsOnly(string who, short[] heard, params double[] expected)
    {
        Assert.True(heard.Length >= 8000, $"{who} heard only {heard.Length} samples");
        foreach (var hz in new[] { CallerHz, AgentHz, SupervisorHz })
        {
            var level = ToneAnalysis.PowerDbm0(heard, hz);
            if (expected.Contains(hz))
            {
                Assert.True(level > PresentDbm0, $"{who} should hear {hz} Hz but it is at {level:0.0} dBm0");
            }
            else
            {
                Assert.True(level < AbsentDbm0, $"{who} must not hear {hz} Hz but it is at {level:0.0} dBm0");
            }
        }
    }

    public void Dispose() => Calls.Dispose();
}
