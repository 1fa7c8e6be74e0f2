using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;
using Appliance.Core.Ivr;
using Appliance.Core.Routing;
using Appliance.Core.Tests.Configuration;
using Appliance.Core.Tests.SelfServiceNodes;
using Appliance.Telephony.Clock;
using Appliance.Testing;
using Microsoft.Extensions.Logging;

namespace Appliance.Core.Tests.Pci;

/// <summary>
/// The sample branch plus a menu on line 7 recorded from answer: "press 1" (a plain menu key), then identify by card,
/// then the general queue (the verified caller goes to an agent with context). The caller keys in-band; every
/// component logs to <see cref="Logs"/>.
/// </summary>
internal sealed class PciScenario : IDisposable
{
    public const int Line = 7;
    private static readonly TimeSpan KeyGap = TimeSpan.FromMilliseconds(250);

    public PciScenario()
    {
        var branch = ConfiguredFlowTests.SimulatedAgents(SampleConfiguration.Branch());
        var configuration = branch with
        {
            EntryPoints = [.. branch.EntryPoints, new EntryPointConfig { Name = "pci", Lines = [Line], Menu = "pci", Language = "en" }],
            Menus = [.. branch.Menus, Menu()],
        };
        Harness = new CallCenterHarness(
            new ConfigurationSnapshot(configuration, 1),
            new ManualTimeProvider(new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero)),
            clock => new SelfService(clock, Bank, Transactions, Logs.CreateLogger<SelfService>()),
            recordSelfService: true,
            Logs);
    }

    public CapturedLogs Logs { get; } = new();

    public FakeCoreBank Bank { get; } = new();

    public RecordedTransactions Transactions { get; } = new();

    public CallCenterHarness Harness { get; }

    /// <summary>When each key's tone began, in order.</summary>
    public List<(char Key, DateTimeOffset At)> Keyed { get; } = [];

    public CallSession Active => Harness.CallCenter.ActiveCalls.Single();

    public InBandCaller Call()
    {
        var caller = new InBandCaller("inband/1", "13800138000");
        Harness.Clock.Register(caller);
        Harness.Clock.Post(() => Harness.Source.Ring(caller, Line));
        Step(TimeSpan.FromMilliseconds(60));
        return caller;
    }

    /// <summary>Keys each of <paramref name="keys"/> in-band, a tone every 250 ms.</summary>
    public void Keys(InBandCaller caller, string keys)
    {
        foreach (var key in keys)
        {
            Keyed.Add((key, Harness.Time.GetUtcNow()));
            Harness.Clock.Post(() => caller.Key(key));
            Step(KeyGap);
        }
    }

    /// <summary>Menu key 1 once the welcome prompt has played, then card, #, PIN.</summary>
    public void KeyThroughIdentify(InBandCaller caller)
    {
        Step(TimeSpan.FromMilliseconds(700));
        Keys(caller, "1");
        Step(TimeSpan.FromMilliseconds(500));
        Keys(caller, FakeCoreBank.Card + "#");
        Keys(caller, FakeCoreBank.Pin);
    }

    /// <summary>Moves the clock tick by tick, letting bank requests answer before each tick.</summary>
    public void Step(TimeSpan span)
    {
        for (var done = TimeSpan.Zero; done < span; done += MediaClock.TickInterval)
        {
            Settle();
            Harness.Time.Advance(MediaClock.TickInterval);
        }

        Settle();
    }

    public bool StepUntil(Func<bool> condition, TimeSpan limit)
    {
        for (var done = TimeSpan.Zero; done < limit && !condition(); done += MediaClock.TickInterval)
        {
            Step(MediaClock.TickInterval);
        }

        return condition();
    }

    public void Dispose()
    {
        Harness.Dispose();
    }

    private static MenuConfig Menu() => new()
    {
        Name = "pci",
        Start = "welcome",
        Nodes =
        [
            new MenuNode { Id = "welcome", Prompt = "menu", Keys = [new MenuKey { Key = "1", Next = "identify" }], OnFailure = "agent" },
            new IdentifyNode { Id = "identify", Next = "agent", OnFailure = "agent" },
            new QueueNode { Id = "agent", Queue = "general" },
        ],
    };

    private void Settle() =>
        Assert.True(SpinWait.SpinUntil(() => Harness.SelfService!.RequestsRunning == 0, TimeSpan.FromSeconds(10)), "a bank request did not end");
}
