namespace Appliance.Core.Configuration.Internal;

/// <summary>Opening hours and holidays: real days, real times, open before close, no day listed twice.</summary>
internal static class CalendarRules
{
    public static readonly IReadOnlyList<string> DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static void Check(IReadOnlyList<CalendarConfig> calendars, ErrorList errors)
    {
        errors.Unique(calendars, c => c.Name, "calendars", "calendar");
        foreach (var calendar in calendars)
        {
            var path = $"calendars[{calendar.Name}]";
            Names.Check(errors, path + ".name", calendar.Name, "calendar name");
            CheckWeek(calendar, path, errors);
            CheckHolidays(calendar, path, errors);
        }
    }

    private static void CheckWeek(CalendarConfig calendar, string path, ErrorList errors)
    {
        var spans = new List<(string Day, TimeSpan Open, TimeSpan Close)>();
        for (var i = 0; i < calendar.Weekly.Count; i++)
        {
            var hours = calendar.Weekly[i];
            var at = $"{path}.weekly[{i}]";
            if (hours.Days.Count == 0)
            {
                errors.Add(at + ".days", "names no day");
            }

            foreach (var day in hours.Days.Where(d => !DayNames.Contains(d)))
            {
                errors.Add(at + ".days", $"'{day}' is not a day ({string.Join(", ", DayNames)})");
            }

            if (TryHours(hours.Open, hours.Close, at, errors) is { } span)
            {
                spans.AddRange(hours.Days.Where(DayNames.Contains).Select(d => (d, span.Open, span.Close)));
            }
        }

        foreach (var overlap in spans.GroupBy(s => s.Day).SelectMany(Overlaps))
        {
            errors.Add(path + ".weekly", $"on {overlap} two opening spans overlap");
        }
    }

    private static IEnumerable<string> Overlaps(IGrouping<string, (string Day, TimeSpan Open, TimeSpan Close)> day)
    {
        var ordered = day.OrderBy(s => s.Open).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Open < ordered[i - 1].Close)
            {
                yield return day.Key;
            }
        }
    }

    private static void CheckHolidays(CalendarConfig calendar, string path, ErrorList errors)
    {
        errors.Unique(calendar.Holidays, h => h.Date, path + ".holidays", "holiday date");
        foreach (var holiday in calendar.Holidays)
        {
            var at = $"{path}.holidays[{holiday.Date}]";
            if (!ClockTime.TryParseDate(holiday.Date, out _))
            {
                errors.Add(at + ".date", $"'{holiday.Date}' is not a date (yyyy-MM-dd)");
            }

            if ((holiday.Open is null) != (holiday.Close is null))
            {
                errors.Add(at, "a half day needs both open and close; leave both out for a day closed");
            }
            else if (holiday.Open is not null)
            {
                TryHours(holiday.Open, holiday.Close, at, errors);
            }
        }
    }

    private static (TimeSpan Open, TimeSpan Close)? TryHours(string? open, string? close, string at, ErrorList errors)
    {
        var openOk = ClockTime.TryParseTime(open, out var from);
        var closeOk = ClockTime.TryParseTime(close, out var to);
        if (!openOk)
        {
            errors.Add(at + ".open", $"'{open}' is not a time (HH:mm)");
        }

        if (!closeOk)
        {
            errors.Add(at + ".close", $"'{close}' is not a time (HH:mm)");
        }

        if (openOk && closeOk && from >= to)
        {
            errors.Add(at, $"closes at {close}, not after it opens at {open}");
            return null;
        }

        return openOk && closeOk ? (from, to) : null;
    }
}
