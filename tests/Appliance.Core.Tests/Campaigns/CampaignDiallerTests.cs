using static Appliance.Core.Tests.Campaigns.CampaignScenario;
using static Appliance.Core.Tests.Queues.AcdScenario;

namespace Appliance.Core.Tests.Campaigns;

/// <summary>The dialler on the manual clock: attempts and intervals per outcome, calling hours, the do-not-call list.</summary>
public sealed class CampaignDiallerTests
{
    [Fact]
    public void Each_outcome_is_retried_after_its_interval_up_to_three_attempts_then_becomes_the_result()
    {
        var store = new CampaignRecorder();
        using var scenario = new CampaignScenario(store);
        scenario.Customer("13900000002", "busy=2000");
        scenario.Customer("13900000003", "answer=never");
        scenario.Customer("13900000004", "congestion=500");
        scenario.Restore(Campaign(Monday), [Contact("13900000001", 2, Monday), Contact("13900000002", 3, Monday), Contact("13900000003", 4, Monday), Contact("13900000004", 5, Monday)]);

        Assert.True(scenario.RunUntil(() => store.States.GetValueOrDefault("spring") == "finished", TimeSpan.FromMinutes(20)), "the campaign did not finish");

        Assert.Equal(
            [("13900000001", 1, "answered"), ("13900000002", 3, "busy"), ("13900000003", 3, "no-answer"), ("13900000004", 3, "congestion")],
            store.Contacts.Values.OrderBy(c => c.Line).Select(c => (c.Number, c.Attempts, c.Result)));
        Assert.Equal([1, 3, 3, 3], new[] { "13900000001", "13900000002", "13900000003", "13900000004" }.Select(scenario.Dialled));
        Assert.Equal(["answered"], scenario.Attempts(2).Select(a => a.Outcome));
        AssertGaps(scenario.Attempts(3), "busy", 60);
        AssertGaps(scenario.Attempts(4), "no-answer", 120);
        AssertGaps(scenario.Attempts(5), "congestion", 30);
    }

    [Fact]
    public void The_ring_time_counts_from_the_number_sent_so_dialling_on_an_analog_line_does_not_eat_it()
    {
        // Like an analog line: 3 s of dial tone and DTMF before the phone rings. The campaign rings 10 s.
        var store = new CampaignRecorder();
        using var scenario = new CampaignScenario(store);
        scenario.Customer("13900000001", "sent=3000;answer=12000"); // answers 9 s into its ringing, 12 s after the dial
        scenario.Customer("13900000002", "sent=3000;answer=never");
        scenario.Restore(Campaign(Monday), [Contact("13900000001", 2, Monday), Contact("13900000002", 3, Monday)]);

        Assert.True(scenario.RunUntil(() => scenario.Dialled("13900000002") == 1, TimeSpan.FromMinutes(2)), "the second contact was not dialled");
        var dialled = scenario.Now;
        Assert.True(scenario.RunUntil(() => scenario.Attempts(3).Count == 1, TimeSpan.FromMinutes(1)), "the second contact's attempt did not end");

        Assert.Equal(["answered"], scenario.Attempts(2).Select(a => a.Outcome));
        Assert.Equal(("13900000001", 1, "answered"), (store.Contacts["13900000001"].Number, store.Contacts["13900000001"].Attempts, store.Contacts["13900000001"].Result));
        var (at, outcome) = scenario.Attempts(3).Single();
        Assert.Equal("no-answer", outcome);
        Assert.InRange((at - dialled).TotalSeconds, 12.9, 13.2); // 3 s sending the number, then the 10 s ring
    }

    [Fact]
    public void Nothing_is_dialled_outside_calling_hours_and_a_retry_that_falls_after_them_waits()
    {
        var store = new CampaignRecorder();
        using var scenario = new CampaignScenario(store);
        scenario.Customer("13900000002", "busy=2000");
        var campaign = Campaign(Monday, hoursFrom: (9 * 60) + 10, hoursTo: (9 * 60) + 12) with { RetryBusySeconds = 90 }; // 09:10-09:12 UTC
        scenario.Restore(campaign, [Contact("13900000002", 2, Monday)]);

        scenario.Acd.Run(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, scenario.Dialled("13900000002")); // 09:09:59

        scenario.Acd.Run(TimeSpan.FromMinutes(20)); // to 09:30
        var attempts = scenario.Attempts(2);
        Assert.Equal(2, attempts.Count); // 09:10 and 09:11:3x; the third would be 09:13, after hours
        Assert.All(attempts, a => Assert.InRange(a.At, Monday.AddMinutes(10), Monday.AddMinutes(12)));
        Assert.Equal(2, scenario.Dialled("13900000002"));
        Assert.Null(store.Contacts["13900000002"].Result);
        Assert.NotEqual("finished", store.States.GetValueOrDefault("spring"));
    }

    [Fact]
    public void A_number_on_the_do_not_call_list_is_never_dialled()
    {
        var store = new CampaignRecorder();
        using var scenario = new CampaignScenario(store);
        scenario.Restore(Campaign(Monday), [Contact("13900000001", 2, Monday), Contact("13900000002", 3, Monday)], "13900000002");

        Assert.True(scenario.RunUntil(() => store.States.GetValueOrDefault("spring") == "finished", TimeSpan.FromMinutes(5)),
            string.Join("; ", store.Contacts.Values.Select(c => $"{c.Number} {c.Attempts} {c.LastOutcome} {c.Result}")));

        Assert.Equal("dnc", store.Contacts["13900000002"].Result);
        Assert.Equal(0, store.Contacts["13900000002"].Attempts);
        Assert.Equal(0, scenario.Dialled("13900000002"));
        Assert.Equal("answered", store.Contacts["13900000001"].Result);
    }

    [Fact]
    public async Task A_paused_campaign_dials_nothing_more_until_started_again()
    {
        var store = new CampaignRecorder();
        using var scenario = new CampaignScenario(store);
        scenario.Customer("13900000001", "busy=2000");
        scenario.Restore(Campaign(Monday) with { State = "paused" }, [Contact("13900000001", 2, Monday)]);

        scenario.Acd.Run(TimeSpan.FromMinutes(2));
        Assert.Equal(0, scenario.Dialled("13900000001"));

        var started = scenario.Dialler.StartAsync("spring");
        scenario.Acd.Run(TimeSpan.FromMilliseconds(40));
        Assert.Null(await started);
        Assert.True(scenario.RunUntil(() => scenario.Dialled("13900000001") == 1, TimeSpan.FromSeconds(10)), "not dialled after start");
        var paused = scenario.Dialler.PauseAsync("spring");
        scenario.Acd.Run(TimeSpan.FromMilliseconds(40));
        Assert.Null(await paused);
        scenario.Acd.Run(TimeSpan.FromMinutes(5));
        Assert.Equal(1, scenario.Dialled("13900000001"));
        Assert.Equal("paused", store.States["spring"]);
    }

    private static void AssertGaps(List<(DateTimeOffset At, string Outcome)> attempts, string outcome, int seconds)
    {
        Assert.Equal([outcome, outcome, outcome], attempts.Select(a => a.Outcome));
        for (var i = 1; i < attempts.Count; i++)
        {
            // The interval, then an agent's ring (1 s) and the attempt itself (up to the 10 s ring), perhaps behind another contact.
            Assert.InRange((attempts[i].At - attempts[i - 1].At).TotalSeconds, seconds, seconds + 30);
        }
    }
}
