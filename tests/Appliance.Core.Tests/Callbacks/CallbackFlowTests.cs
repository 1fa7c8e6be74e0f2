using System.Text.Json;
using Appliance.Core.Acd;
using Appliance.Core.Configuration;
using Appliance.Core.Journal;
using Appliance.Core.Tests.Fakes;
using Appliance.Core.Tests.Queues;
using Appliance.Telephony.Channels;
using static Appliance.Core.Tests.Queues.AcdScenario;

namespace Appliance.Core.Tests.Callbacks;

/// <summary>A caller asks for a callback, keeps their place, and is called back when it comes up; on the manual clock.</summary>
public sealed class CallbackFlowTests
{
    internal static QueueConfig Queue(string dial = "test:{number};answer=1000;tone=2000") => new()
    {
        Name = "general",
        Members = Members("1001"),
        WrapUpSeconds = 2,
        MaxWaitSeconds = 0,
        Callback = new QueueCallback { Key = "1", Attempts = 3, RetryAfterSeconds = [60, 120], DialString = dial },
    };

    [Fact]
    public void The_callback_keeps_the_callers_place_and_the_reserved_agent_gets_the_customer()
    {
        using var scenario = new AcdScenario([Queue()], [Agent("1001", talkSeconds: 10)]);
        scenario.Set("1001", AgentStatus.NotReady);
        var first = scenario.Call(number: "13900000001");
        var second = scenario.Call(number: "13900000002");
        scenario.Run(TimeSpan.FromSeconds(1));

        AskForCallback(scenario, first);
        Assert.Equal(ChannelState.Down, first.State); // heard goodbye, hung up
        Assert.Equal(CallOutcome.CallbackRequested, scenario.Harness.WaitForFinished().Detail.Outcome);
        var third = scenario.Call(number: "13900000003"); // arrived after the callback was asked for
        Assert.Equal(3, scenario.Harness.Acd.WaitingIn("general")); // the callback and two callers on the line

        scenario.Set("1001", AgentStatus.Available);
        var customer = CustomerDialled(scenario, "13900000001");
        Assert.True(scenario.Time.AdvanceUntil(() => scenario.Events(CallEventKinds.CallbackConnected).Any(), TimeSpan.FromSeconds(10)));

        // The agent answered first (reserved, told "callback"), then the customer was rung and bridged: they hear each other.
        var connected = scenario.Events(CallEventKinds.CallbackConnected).Single();
        Assert.Equal("1001", connected.Agent);
        Assert.Contains(scenario.Harness.Journal.Events, e => e.CallId == connected.CallId && e.Kind == CallEventKinds.PromptMissing && e.Data!.Contains("callback-agent", StringComparison.Ordinal));
        scenario.Run(TimeSpan.FromSeconds(2));
        Assert.InRange(Crossings(customer.Heard.TakeLast(8000).ToList()), 2600, 3000); // the agent's 1400 Hz

        // Then the second caller, then the third: the callback was served in the first caller's place.
        Assert.Equal("1001", scenario.Connected(second, withinSeconds: 30));
        Assert.Null(scenario.Session(third).Agent);
        StepUntil(scenario, () => scenario.Harness.Journal.Calls.Any(c => c.CallId == connected.CallId), TimeSpan.FromSeconds(5));
        var record = Assert.Single(scenario.Harness.Journal.Calls, c => c.CallId == connected.CallId);
        Assert.Equal((CallOutcome.CallbackConnected, "13900000001", 1, "1001"), (record.Outcome, record.CallerNumber, record.CallbackAttempts, record.Agent));
        Assert.NotNull(record.Recording);
        var requested = scenario.EventsOf(first).Single(e => e.Kind == CallEventKinds.CallbackRequested);
        Assert.Equal(connected.CallId, Data(requested).GetProperty("callback").GetString());
    }

    [Fact]
    public void Three_unanswered_attempts_with_their_intervals_then_the_callback_fails_and_the_agent_is_free()
    {
        using var scenario = new AcdScenario([Queue("test:{number};answer=never")], [Agent("1001", talkSeconds: 0)]);
        scenario.Set("1001", AgentStatus.NotReady);
        var caller = scenario.Call(number: "13900000001");
        scenario.Run(TimeSpan.FromSeconds(1));
        AskForCallback(scenario, caller);
        scenario.Set("1001", AgentStatus.Available);

        Assert.True(scenario.Time.AdvanceUntil(() => scenario.Events(CallEventKinds.CallbackFailed).Any(), TimeSpan.FromMinutes(8)), "the callback did not fail");

        var attempts = scenario.Events(CallEventKinds.CallbackAttempt).ToList();
        Assert.Equal([1, 2, 3], attempts.Select(a => Data(a).GetProperty("attempt").GetInt32()));
        Assert.All(attempts, a => Assert.Equal("no-answer", Data(a).GetProperty("outcome").GetString()));

        // Each attempt: the agent answers in 1 s, the customer rings 30 s; then 60 s, then 120 s before the next.
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => Math.Round((b.At - a.At).TotalSeconds)).ToList();
        Assert.Equal([91.0, 151.0], gaps);
        Assert.Equal(3, scenario.Harness.Phones.Dialed.Count(p => p.Endpoint == "13900000001"));
        Assert.All(scenario.Harness.Phones.Dialed, p => Assert.Equal(ChannelState.Down, p.State));
        Assert.Equal(AgentStatus.Available, scenario.Harness.Roster.StatusOf("1001"));
        var record = Assert.Single(scenario.Harness.Journal.Calls, c => c.Outcome == CallOutcome.CallbackFailed);
        Assert.Equal(3, record.CallbackAttempts);
    }

    [Fact]
    public void A_caller_who_keys_another_number_is_called_back_there()
    {
        using var scenario = new AcdScenario([Queue()], [Agent("1001", talkSeconds: 10)]);
        scenario.Set("1001", AgentStatus.NotReady);
        var caller = scenario.Call(number: "13900000001");
        scenario.Run(TimeSpan.FromSeconds(1));

        caller.Press('1');
        scenario.Run(TimeSpan.FromMilliseconds(200));
        caller.Press('2'); // another number
        scenario.Run(TimeSpan.FromMilliseconds(200));
        foreach (var digit in "02088886666#")
        {
            caller.Press(digit);
            scenario.Run(TimeSpan.FromMilliseconds(100));
        }

        caller.Press('1'); // confirm the number read back
        scenario.Run(TimeSpan.FromSeconds(1));
        scenario.Set("1001", AgentStatus.Available);

        CustomerDialled(scenario, "02088886666");
        var requested = scenario.EventsOf(caller).Single(e => e.Kind == CallEventKinds.CallbackRequested);
        Assert.Equal("02088886666", Data(requested).GetProperty("number").GetString());
    }

    [Fact]
    public void A_caller_who_presses_the_key_but_confirms_nothing_keeps_waiting_on_the_line()
    {
        using var scenario = new AcdScenario([Queue()], [Agent("1001", talkSeconds: 10)]);
        scenario.Set("1001", AgentStatus.NotReady);
        var caller = scenario.Call(number: "13900000001");
        scenario.Run(TimeSpan.FromSeconds(1));

        caller.Press('1');
        scenario.Run(TimeSpan.FromSeconds(40)); // no confirmation: the read-back is repeated, then given up

        Assert.Equal(ChannelState.Up, caller.State);
        Assert.DoesNotContain(scenario.Harness.Journal.Events, e => e.Kind == CallEventKinds.CallbackRequested);
        scenario.Set("1001", AgentStatus.Available);
        Assert.Equal("1001", scenario.Connected(caller));
    }

    internal static void AskForCallback(AcdScenario scenario, FakeCallerChannel caller)
    {
        caller.Press('1'); // the callback key
        scenario.Run(TimeSpan.FromMilliseconds(200));
        caller.Press('1'); // confirms the caller ID read back
        scenario.Run(TimeSpan.FromSeconds(1));
        Assert.Contains(scenario.EventsOf(caller), e => e.Kind == CallEventKinds.CallbackRequested);
    }

    internal static TestPhone CustomerDialled(AcdScenario scenario, string number)
    {
        Assert.True(scenario.Time.AdvanceUntil(() => scenario.Harness.Phones.Dialed.Any(p => p.Endpoint == number), TimeSpan.FromSeconds(10)), "the customer was not dialled");
        return scenario.Harness.Phones.Last(number);
    }

    /// <summary>
    /// Steps the clock until <paramref name="condition"/>; a call's record is stored only after its recording is written
    /// by a background task, so before each step it waits (in real time, bounded) for the disk.
    /// </summary>
    internal static void StepUntil(AcdScenario scenario, Func<bool> condition, TimeSpan limit)
    {
        for (var elapsed = TimeSpan.Zero; !condition(); elapsed += TimeSpan.FromMilliseconds(20))
        {
            Assert.True(elapsed < limit, "the condition was not met in time");
            Assert.True(scenario.Harness.Recordings.WhenClosedRecordingsWritten().Wait(TimeSpan.FromSeconds(10)), "a recording was not written");
            scenario.Run(TimeSpan.FromMilliseconds(20));
        }
    }

    internal static JsonElement Data(CallEvent e) => JsonDocument.Parse(e.Data!).RootElement;

    private static double Crossings(List<short> samples)
    {
        var crossings = 0;
        for (var i = 1; i < samples.Count; i++)
        {
            crossings += (samples[i - 1] < 0) != (samples[i] < 0) ? 1 : 0;
        }

        return crossings * 8000.0 / samples.Count;
    }
}
