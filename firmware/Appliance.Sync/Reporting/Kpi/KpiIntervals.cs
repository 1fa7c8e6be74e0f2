using Appliance.Sync.Contracts.Report.V1;

namespace Appliance.Sync.Reporting.Kpi;

/// <summary>Report intervals: UTC quarter-hours, hours, days and weeks starting on Monday 00:00 UTC.</summary>
public static class KpiIntervals
{
    /// <summary>1970-01-05 was a Monday, and also a midnight and a quarter-hour boundary: every interval counts from it.</summary>
    public static readonly DateTimeOffset Anchor = new(1970, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The interval's length.</summary>
    public static TimeSpan Length(KpiInterval interval) => interval switch
    {
        KpiInterval.QuarterHour => TimeSpan.FromMinutes(15),
        KpiInterval.Hour => TimeSpan.FromHours(1),
        KpiInterval.Day => TimeSpan.FromDays(1),
        KpiInterval.Week => TimeSpan.FromDays(7),
        _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "interval must be QUARTER_HOUR, HOUR, DAY or WEEK"),
    };

    /// <summary>The start of the interval of <paramref name="length"/> holding <paramref name="at"/>.</summary>
    public static DateTimeOffset Start(DateTimeOffset at, TimeSpan length) =>
        Anchor + TimeSpan.FromTicks((long)Math.Floor((double)(at - Anchor).Ticks / length.Ticks) * length.Ticks);
}
