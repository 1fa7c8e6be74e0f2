using System.Globalization;

namespace Appliance.Core.Configuration;

/// <summary>Reads the document's times ("HH:mm", 24-hour) and dates ("yyyy-MM-dd") exactly.</summary>
public static class ClockTime
{
    /// <summary>Reads "HH:mm"; "24:00" is accepted as the end of the day.</summary>
    public static bool TryParseTime(string? text, out TimeSpan sinceMidnight)
    {
        sinceMidnight = default;
        if (text == "24:00")
        {
            sinceMidnight = TimeSpan.FromHours(24);
            return true;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            sinceMidnight = time.ToTimeSpan();
            return true;
        }

        return false;
    }

    /// <summary>Reads "yyyy-MM-dd"; an impossible date such as 2026-02-30 is refused.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Reads "HH:mm-HH:mm" with the start before the end.</summary>
    public static bool TryParseRange(string? text, out TimeSpan start, out TimeSpan end)
    {
        start = end = default;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        return dash > 0
               && TryParseTime(text![..dash], out start)
               && TryParseTime(text[(dash + 1)..], out end)
               && start < end;
    }
}
