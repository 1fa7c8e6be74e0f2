using Appliance.Storage;

namespace Appliance.Core.Campaigns;

/// <summary>
/// The campaign rules that need no telephony: calling hours in the branch's time zone, and what an attempt's outcome
/// does to a contact (answered ends it; busy, no answer and congestion retry after their interval until the attempts
/// run out, then the last outcome is the result).
/// </summary>
public static class CampaignSchedule
{
    /// <summary>Outcome of an attempt the customer answered.</summary>
    public const string Answered = "answered";

    /// <summary>Whether <paramref name="now"/> is within the campaign's calling hours.</summary>
    public static bool IsOpen(CampaignRecord campaign, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var minute = (local.Hour * 60) + local.Minute;
        return campaign.HoursFrom <= campaign.HoursTo
            ? minute >= campaign.HoursFrom && minute < campaign.HoursTo
            : minute >= campaign.HoursFrom || minute < campaign.HoursTo; // spans midnight
    }

    /// <summary>How long until the calling hours open (zero when open), to the minute.</summary>
    public static TimeSpan UntilOpen(CampaignRecord campaign, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (IsOpen(campaign, now, zone))
        {
            return TimeSpan.Zero;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        var minute = (local.Hour * 60) + local.Minute;
        var minutes = ((campaign.HoursFrom - minute) + 1440) % 1440;
        return TimeSpan.FromMinutes(minutes == 0 ? 1440 : minutes) - TimeSpan.FromTicks(local.TimeOfDay.Ticks % TimeSpan.TicksPerMinute);
    }

    /// <summary>The contact after an attempt with <paramref name="outcome"/> ended at <paramref name="now"/>.</summary>
    public static CampaignContactRecord AfterAttempt(CampaignRecord campaign, CampaignContactRecord contact, string outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(contact);
        var done = contact with { LastOutcome = outcome, Dialling = false };
        if (outcome == Answered)
        {
            return done with { Result = Answered };
        }

        if (contact.Attempts >= campaign.MaxAttempts)
        {
            return done with { Result = outcome };
        }

        var wait = outcome switch
        {
            "busy" => campaign.RetryBusySeconds,
            "no-answer" => campaign.RetryNoAnswerSeconds,
            _ => campaign.RetryCongestionSeconds, // congestion, a failed or refused dial
        };
        return done with { NextAt = now + TimeSpan.FromSeconds(wait) };
    }
}
