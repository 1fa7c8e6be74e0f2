using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;
using Appliance.Core.Ivr;
using Appliance.Core.Tests.Configuration;
using Appliance.Core.Tests.Fakes;
using Appliance.Telephony.Clock;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Core.Tests.SelfServiceNodes;

/// <summary>
/// The sample branch plus a self-service menu (identify, then 1 balance / 2 card loss / 3 bill status, failures to the
/// general queue), or the menu a test gives, on the manual clock with a scripted core bank. Line 5 answers in English,
/// line 6 in Mandarin.
/// </summary>
internal sealed class SelfServiceScenario : IDisposable
{
    public SelfServiceScenario(MenuConfig? menu = null)
    {
        Configuration = ConfiguredFlowTests.SimulatedAgents(SampleConfiguration.Branch()) is var branch
            ? branch with
            {
                EntryPoints =
                [
                    .. branch.EntryPoints,
                    new EntryPointConfig { Name = "bank-en", Lines = [5], Menu = "bank", Language = "en" },
                    new EntryPointConfig { Name = "bank-zh", Lines = [6], Menu = "bank", Language = "zh" },
                ],
                Menus = [.. branch.Menus, menu ?? BankMenu()],
            }
            : throw new InvalidOperationException();
        Harness = new CallCenterHarness(
            new ConfigurationSnapshot(Configuration, 1),
            new ManualTimeProvider(new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero)),
            clock => new SelfService(clock, Bank, Transactions, NullLogger<SelfService>.Instance));
    }

    public CallCenterConfiguration Configuration { get; }

    public FakeCoreBank Bank { get; } = new();

    public RecordedTransactions Transactions { get; } = new();

    public CallCenterHarness Harness { get; }

    public static MenuConfig BankMenu() => new()
    {
        Name = "bank",
        Start = "identify",
        Nodes =
        [
            new IdentifyNode { Id = "identify", Next = "services", OnFailure = "agent" },
            new MenuNode { Id = "services", Prompt = "menu", Keys = [new MenuKey { Key = "1", Next = "balance" }, new MenuKey { Key = "2", Next = "loss" }, new MenuKey { Key = "3", Next = "bill" }], OnFailure = "agent" },
            new BalanceNode { Id = "balance", Next = "bye", OnFailure = "agent" },
            new CardLossNode { Id = "loss", Next = "bye", Declined = "bye", OnFailure = "agent" },
            new BillStatusNode { Id = "bill", Next = "bye", OnFailure = "agent" },
            new HangupNode { Id = "bye", Prompt = "goodbye" },
            new QueueNode { Id = "agent", Queue = "general" },
        ],
    };

    public FakeCallerChannel Call(int line = 5) => Harness.Call(line: line);

    /// <summary>Presses each key with 100 ms between them.</summary>
    public void Keys(FakeCallerChannel caller, string keys)
    {
        foreach (var key in keys)
        {
            caller.Press(key);
            Step(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Card number, #, PIN.</summary>
    public void Identify(FakeCallerChannel caller, string pin = FakeCoreBank.Pin)
    {
        Step(TimeSpan.FromMilliseconds(200));
        Keys(caller, FakeCoreBank.Card + "#");
        Keys(caller, pin);
    }

    /// <summary>
    /// Moves the clock tick by tick; before each tick waits (in real time, bounded) for bank requests that are answering,
    /// so virtual time never runs ahead of the thread pool. A hanging bank is left to its timeout.
    /// </summary>
    public void Step(TimeSpan span)
    {
        for (var done = TimeSpan.Zero; done < span; done += MediaClock.TickInterval)
        {
            Settle();
            Harness.Time.Advance(MediaClock.TickInterval);
        }

        Settle();
    }

    /// <summary>Steps until <paramref name="condition"/> holds or <paramref name="limit"/> of virtual time passed.</summary>
    public bool StepUntil(Func<bool> condition, TimeSpan limit)
    {
        for (var done = TimeSpan.Zero; done < limit; done += MediaClock.TickInterval)
        {
            if (condition())
            {
                return true;
            }

            Step(MediaClock.TickInterval);
        }

        return condition();
    }

    public Appliance.Core.Routing.CallSession Active => Harness.CallCenter.ActiveCalls.Single();

    public IReadOnlyList<Dictionary<string, string?>> Data(string kind) => ConfiguredFlowTests.Data(Harness, Active.CallId, kind);

    public void Dispose() => Harness.Dispose();

    private void Settle()
    {
        if (Bank.Behaviour != FakeCoreBank.Mode.Hang)
        {
            Assert.True(SpinWait.SpinUntil(() => Harness.SelfService!.RequestsRunning == 0, TimeSpan.FromSeconds(10)), "a bank request did not end");
        }
    }
}
