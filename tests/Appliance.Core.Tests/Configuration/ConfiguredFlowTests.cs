using Appliance.Core.Configuration;
using Appliance.Core.Journal;
using Appliance.Core.Tests.Fakes;
using Appliance.Testing;

namespace Appliance.Core.Tests.Configuration;

/// <summary>Calls through the sample branch's configuration on the manual clock: routing by calendar, two-level menus, language, collected digits.</summary>
public sealed class ConfiguredFlowTests
{
    // 10:00 in Shanghai on Monday 5 January 2026: the branch is open.
    private static readonly DateTimeOffset MondayMorning = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_caller_walks_a_two_level_menu_in_Mandarin_and_reaches_the_skilled_agent()
    {
        using var harness = Harness(MondayMorning);
        var caller = harness.Call();
        harness.Run(TimeSpan.FromSeconds(1));
        var heardBeforeMandarin = caller.Heard.Count;
        caller.Press('1'); // 中文: the main menu's prompt plays in Mandarin
        harness.Run(TimeSpan.FromSeconds(1));
        caller.Press('1'); // cards
        harness.Run(TimeSpan.FromSeconds(1));
        caller.Press('1'); // a card adviser

        Assert.True(harness.Time.AdvanceUntil(() => harness.CallCenter.ActiveCalls.Any(c => c.Agent is not null), TimeSpan.FromSeconds(30)));
        var call = harness.CallCenter.ActiveCalls.Single();
        Assert.Equal(("hotline", "zh", "cards", "1001"), (call.EntryPoint, call.Language, call.Queue, call.Agent));
        Assert.Equal(
            [("root", "1"), ("cards", "1")],
            Data(harness, call.CallId, CallEventKinds.MenuDigit).Select(d => (d["node"], d["digit"])));
        Assert.Equal("zh", Data(harness, call.CallId, CallEventKinds.MenuLanguage).Single()["language"]);
        Assert.InRange(DominantHz(caller.Heard.Skip(heardBeforeMandarin + 400).Take(2000).ToArray()), 1150, 1250);
    }

    [Fact]
    public void Digits_of_a_sensitive_node_reach_the_call_but_never_the_event_log()
    {
        using var harness = Harness(MondayMorning);
        var caller = harness.Call();
        foreach (var key in "212")
        {
            harness.Run(TimeSpan.FromSeconds(1));
            caller.Press(key); // English, cards, enter the card number
        }

        harness.Run(TimeSpan.FromSeconds(1));
        const string card = "6222021234567890";
        foreach (var digit in card + "#")
        {
            caller.Press(digit);
            harness.Run(TimeSpan.FromMilliseconds(200));
        }

        Assert.True(harness.Time.AdvanceUntil(() => harness.CallCenter.ActiveCalls.Single().Queue is not null, TimeSpan.FromSeconds(10)));
        var call = harness.CallCenter.ActiveCalls.Single();
        Assert.Equal(card, call.Variables["card"]);
        Assert.Equal("cards", call.Queue);
        var input = Data(harness, call.CallId, CallEventKinds.MenuInput).Single();
        Assert.Equal(("card", "16", "True", null), (input["variable"], input["length"], input["sensitive"], input["digits"]));
        Assert.DoesNotContain(harness.Journal.Events, e => (e.Data ?? "").Contains("62220212", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-10-01T10:00:00+08:00", "closed")] // National Day: closed all day
    [InlineData("2026-12-31T11:00:00+08:00", "main")]   // New Year's Eve: a half day, open until noon
    [InlineData("2026-12-31T13:00:00+08:00", "closed")]
    [InlineData("2026-01-10T11:00:00+08:00", "main")]   // Saturday morning
    [InlineData("2026-01-11T11:00:00+08:00", "closed")] // Sunday
    [InlineData("2026-01-05T08:59:00+08:00", "closed")] // Monday before opening
    public void The_calendar_picks_the_menu_in_the_branch_s_time_zone(string localTime, string menu)
    {
        using var harness = Harness(DateTimeOffset.Parse(localTime, System.Globalization.CultureInfo.InvariantCulture));
        harness.Call();

        var call = harness.CallCenter.ActiveCalls.Single();
        Assert.Equal(menu, call.EntryMenu);
    }

    [Fact]
    public void After_hours_the_caller_hears_the_message_and_the_call_ends_in_the_menu_without_a_queue()
    {
        using var harness = Harness(new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero));
        harness.Call();

        var detail = harness.WaitForFinished().Detail;
        Assert.Equal(("closed", CallOutcome.EndedInMenu, null), (detail.EntryMenu, detail.Outcome, detail.Queue));
        Assert.DoesNotContain(CallEventKinds.EnterQueue, harness.Journal.KindsFor(detail.CallId));
    }

    internal static CallCenterHarness Harness(DateTimeOffset start, CallCenterConfiguration? configuration = null) =>
        new(new ConfigurationSnapshot(configuration ?? SimulatedAgents(SampleConfiguration.Branch()), 1), new ManualTimeProvider(start));

    /// <summary>The sample's agents on simulated phones that answer after a second, each with its own tone.</summary>
    internal static CallCenterConfiguration SimulatedAgents(CallCenterConfiguration configuration) => configuration with
    {
        Agents = [.. configuration.Agents.Select((a, i) => a with { Simulated = new SimulatedPhone { AnswerAfterMilliseconds = 1000, ToneHz = 1400 + (200 * i) } })],
    };

    internal static IReadOnlyList<Dictionary<string, string?>> Data(CallCenterHarness harness, string callId, string kind) =>
        [.. harness.Journal.Events.Where(e => e.CallId == callId && e.Kind == kind).Select(e =>
            System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(e.Data!)!
                .ToDictionary(p => p.Key, p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Null ? null : p.Value.ToString()))];

    // Zero crossings of a pure tone: two per cycle.
    private static double DominantHz(short[] samples)
    {
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                crossings++;
            }
        }

        return crossings / 2.0 / (samples.Length / 8000.0);
    }
}
