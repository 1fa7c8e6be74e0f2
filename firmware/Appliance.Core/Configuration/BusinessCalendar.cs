namespace Appliance.Core.Configuration;

/// <summary>Whether a calendar is open at an instant, in the branch's time zone: a dated holiday overrides the week.</summary>
public static class BusinessCalendar
{
    /// <summary>Whether <paramref name="calendar"/> is open at <paramref name="instant"/>.</summary>
    public static bool IsOpen(CalendarConfig calendar, TimeZoneInfo zone, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var sinceMidnight = local.TimeOfDay;
        foreach (var holiday in calendar.Holidays)
        {
            if (ClockTime.TryParseDate(holiday.Date, out var day) && day == date)
            {
                return ClockTime.TryParseTime(holiday.Open, out var open) && ClockTime.TryParseTime(holiday.Close, out var close)
                       && sinceMidnight >= open && sinceMidnight < close;
            }
        }

        var dayName = DayName(local.DayOfWeek);
        return calendar.Weekly.Any(hours => hours.Days.Contains(dayName)
                                            && ClockTime.TryParseTime(hours.Open, out var open)
                                            && ClockTime.TryParseTime(hours.Close, out var close)
                                            && sinceMidnight >= open && sinceMidnight < close);
    }

    private static string DayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "mon",
        DayOfWeek.Tuesday => "tue",
        DayOfWeek.Wednesday => "wed",
        DayOfWeek.Thursday => "thu",
        DayOfWeek.Friday => "fri",
        DayOfWeek.Saturday => "sat",
        _ => "sun",
    };
}
