namespace Appliance.Core.Quality;

/// <summary>The weeks QA samples by: Monday 00:00 UTC to the next Monday.</summary>
public static class QaWeek
{
    /// <summary>The start of the week <paramref name="instant"/> falls in.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset instant)
    {
        var day = instant.UtcDateTime.Date;
        return new DateTimeOffset(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), TimeSpan.Zero);
    }

    /// <summary>The start of the week containing <paramref name="date"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly date) => StartOf(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}
