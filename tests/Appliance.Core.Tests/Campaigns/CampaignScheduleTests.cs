using Appliance.Core.Campaigns;
using Appliance.Storage;

namespace Appliance.Core.Tests.Campaigns;

/// <summary>Calling hours in the branch's time zone and what each outcome does to a contact's schedule.</summary>
public sealed class CampaignScheduleTests
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone("test+8", TimeSpan.FromHours(8), "test+8", "test+8");
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 1, 0, 0, TimeSpan.Zero); // 09:00 in the branch

    [Theory]
    [InlineData(9 * 60, 18 * 60, 0, true)]
    [InlineData(9 * 60, 18 * 60, -1, false)] // 08:59 branch time
    [InlineData(9 * 60, 18 * 60, 9 * 60, false)] // 18:00 is the end, exclusive
    [InlineData(20 * 60, 2 * 60, 14 * 60, true)] // 23:00 within hours that span midnight
    [InlineData(20 * 60, 2 * 60, 0, false)]
    public void Calling_hours_are_in_the_branch_time_zone(int from, int to, int minutesAfterNine, bool open)
    {
        var campaign = Campaign() with { HoursFrom = from, HoursTo = to };

        Assert.Equal(open, CampaignSchedule.IsOpen(campaign, Now.AddMinutes(minutesAfterNine), Beijing));
    }

    [Fact]
    public void Closed_hours_wait_until_the_next_opening()
    {
        var campaign = Campaign() with { HoursFrom = 9 * 60, HoursTo = 18 * 60 };

        Assert.Equal(TimeSpan.Zero, CampaignSchedule.UntilOpen(campaign, Now, Beijing));
        Assert.Equal(TimeSpan.FromMinutes(30), CampaignSchedule.UntilOpen(campaign, Now.AddMinutes(-30), Beijing));
        Assert.Equal(TimeSpan.FromHours(15) - TimeSpan.FromSeconds(10), CampaignSchedule.UntilOpen(campaign, Now.AddHours(9).AddSeconds(10), Beijing));
    }

    [Theory]
    [InlineData("busy", 60)]
    [InlineData("no-answer", 120)]
    [InlineData("congestion", 30)]
    [InlineData("failed", 30)]
    public void An_unanswered_attempt_is_retried_after_its_outcome_s_interval(string outcome, int seconds)
    {
        var contact = Contact() with { Attempts = 1, Dialling = true };

        var after = CampaignSchedule.AfterAttempt(Campaign(), contact, outcome, Now);

        Assert.Equal(contact with { NextAt = Now.AddSeconds(seconds), LastOutcome = outcome, Dialling = false }, after);
    }

    [Fact]
    public void The_last_attempt_s_outcome_is_the_result_and_an_answer_ends_the_contact_at_once()
    {
        Assert.Equal("busy", CampaignSchedule.AfterAttempt(Campaign(), Contact() with { Attempts = 3 }, "busy", Now).Result);
        Assert.Equal("no-answer", CampaignSchedule.AfterAttempt(Campaign() with { MaxAttempts = 1 }, Contact() with { Attempts = 1 }, "no-answer", Now).Result);
        Assert.Null(CampaignSchedule.AfterAttempt(Campaign(), Contact() with { Attempts = 2 }, "busy", Now).Result);
        Assert.Equal("answered", CampaignSchedule.AfterAttempt(Campaign(), Contact() with { Attempts = 1 }, "answered", Now).Result);
    }

    internal static CampaignRecord Campaign() =>
        new("spring", "general", "progressive", 0, 1440, 3, 60, 120, 30, 10, "test:{number}", "running", Now);

    private static CampaignContactRecord Contact() => new("spring", "13900000001", "张伟", 2, 0, Now, null, null, false);
}
