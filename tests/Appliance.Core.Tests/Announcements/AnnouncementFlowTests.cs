using System.Text.Json;
using Appliance.Core.Acd;
using Appliance.Core.Configuration;
using Appliance.Core.Journal;
using Appliance.Core.Tests.Fakes;
using Appliance.Core.Tests.Queues;
using Appliance.Telephony.Audio;
using Appliance.Telephony.Media;
using static Appliance.Core.Tests.Queues.AcdScenario;

namespace Appliance.Core.Tests.Announcements;

/// <summary>Waiting callers hear their place and expected wait on entry and every N seconds, on the manual clock.</summary>
public sealed class AnnouncementFlowTests
{
    private static QueueConfig General(int every = 30) => new()
    {
        Name = "general",
        Members = Members("1001"),
        WrapUpSeconds = 0,
        MaxWaitSeconds = 0,
        Announce = new QueueAnnouncement { EverySeconds = every },
    };

    [Fact]
    public void Position_is_announced_on_entry_and_every_period_and_drops_as_callers_ahead_are_served()
    {
        using var scenario = new AcdScenario([General()], [Agent("1001", talkSeconds: 40)]);
        scenario.Set("1001", AgentStatus.NotReady);
        var callers = new[] { scenario.Call(), scenario.Call(), scenario.Call() };
        scenario.Run(TimeSpan.FromSeconds(35));
        scenario.Set("1001", AgentStatus.Available); // takes the first caller about 35 s in
        scenario.Run(TimeSpan.FromSeconds(30));

        var third = Announcements(scenario, callers[2]);
        Assert.Equal([3, 3, 2], third.Select(a => a.Position));
        Assert.Equal(["queue-position num-3", "queue-position num-3", "queue-position num-2"], third.Select(a => a.Prompts));
        Assert.Equal([0, 30, 60], third.Select(a => (int)Math.Round((a.At - third[0].At).TotalSeconds)));

        // No agent staffed while paused, and no history afterwards: nothing is said about the wait.
        Assert.All(third, a => Assert.Null(a.Ewt));

        // The prompts were played in that order (the harness has no recordings of them, so each is logged missing).
        var played = scenario.EventsOf(callers[2]).Where(e => e.Kind == CallEventKinds.PromptMissing).Select(e => Field(e, "prompt")).Take(4);
        Assert.Equal(["queue-position", "num-3", "queue-position", "num-3"], played);
    }

    [Fact]
    public void Position_zero_is_never_announced()
    {
        using var scenario = new AcdScenario([General(every: 15)], [Agent("1001", talkSeconds: 20)]);
        var callers = Enumerable.Range(0, 4).Select(_ => scenario.Call()).ToList();
        scenario.Run(TimeSpan.FromSeconds(120));

        var positions = callers.SelectMany(c => Announcements(scenario, c)).Select(a => a.Position).ToList();
        Assert.NotEmpty(positions);
        Assert.All(positions, p => Assert.InRange(p, 1, 4));
        Assert.DoesNotContain(scenario.Harness.Journal.Events, e => e.Kind == CallEventKinds.PromptMissing && Field(e, "prompt") == "num-0");
    }

    [Theory]
    [InlineData("en", 50, "queue-position num-2 queue-wait num-2 queue-minutes")] // 2 × 51 s ≈ 1.7 min
    [InlineData("zh", 55, "queue-position num-2 queue-position-end queue-wait num-liang queue-minutes")] // 2 × 56 s ≈ 1.9 min: 两分钟
    public void Expected_wait_comes_from_the_queues_own_handling_times_and_staffed_agents(string language, int talk, string expected)
    {
        using var scenario = new AcdScenario([General(every: 0)], [Agent("1001", talkSeconds: talk)], language: language);
        scenario.OneAfterAnother(3); // history: each took 1 s of ringing and `talk` seconds of talk

        var busy = scenario.Call();
        scenario.Connected(busy);
        scenario.Call();
        var second = scenario.Call();
        scenario.Run(TimeSpan.FromSeconds(1));

        var announced = Assert.Single(Announcements(scenario, second));
        Assert.Equal(expected, announced.Prompts);
        Assert.Equal(2 * (talk + 1), announced.Ewt!.Value, 0);
        var entered = scenario.EventsOf(second).Single(e => e.Kind == CallEventKinds.EnterQueue);
        Assert.Equal(2 * (talk + 1), JsonDocument.Parse(entered.Data!).RootElement.GetProperty("ewt").GetDouble(), 0);
    }

    [Fact]
    public void An_announcement_stops_the_moment_an_agent_answers()
    {
        using var scenario = new AcdScenario([General()], [Agent("1001", talkSeconds: 30, answerMs: 1000)]);
        WritePrompt(scenario, "queue-position", seconds: 4);
        WritePrompt(scenario, "num-1", seconds: 4);
        scenario.Set("1001", AgentStatus.NotReady);
        var caller = scenario.Call();
        scenario.Run(TimeSpan.FromSeconds(1)); // please-hold (0.5 s) is over; "queue-position" plays

        scenario.Set("1001", AgentStatus.Available);
        scenario.Connected(caller, withinSeconds: 2);
        var from = caller.Heard.Count;
        scenario.Run(TimeSpan.FromSeconds(6));

        // After the answer the caller hears the agent (1400 Hz), not the rest of "queue-position" nor "num-1" (800 Hz).
        Assert.InRange(ZeroCrossingsPerSecond(caller.Heard.Skip(from + 160).ToList()), 2600, 3000);
        Assert.Single(Announcements(scenario, caller));
    }

    private static List<(DateTimeOffset At, int Position, double? Ewt, string Prompts)> Announcements(AcdScenario scenario, FakeCallerChannel caller) =>
        [.. scenario.EventsOf(caller).Where(e => e.Kind == CallEventKinds.Announce).Select(e =>
        {
            var data = JsonDocument.Parse(e.Data!).RootElement;
            var ewt = data.GetProperty("ewt");
            return (e.At, data.GetProperty("position").GetInt32(), ewt.ValueKind == JsonValueKind.Null ? (double?)null : ewt.GetDouble(), data.GetProperty("prompts").GetString()!);
        })];

    private static string? Field(CallEvent e, string name) => JsonDocument.Parse(e.Data!).RootElement.GetProperty(name).GetString();

    private static double ZeroCrossingsPerSecond(List<short> samples)
    {
        var crossings = 0;
        for (var i = 1; i < samples.Count; i++)
        {
            crossings += (samples[i - 1] < 0) != (samples[i] < 0) ? 1 : 0;
        }

        return crossings * 8000.0 / samples.Count;
    }

    private static void WritePrompt(AcdScenario scenario, string name, int seconds)
    {
        var samples = new short[8000 * seconds];
        new SineSource(800, -10).Read(samples);
        using var writer = WavWriter.Create(Path.Combine(scenario.Harness.Root, "prompts", "en", name + ".wav"), 8000, 1);
        writer.Write(samples);
    }
}
