using System.Globalization;
using Appliance.Sync.Reporting.Kpi;

namespace Appliance.Host.Cli.Internal;

/// <summary>Turns <c>report kpi</c>'s options into a <see cref="KpiReportQuery"/>, naming each option that is wrong.</summary>
internal static class KpiQueryParser
{
    /// <summary>The longest range a report may span, as the report service allows by default.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(93);

    private static readonly string[] InstantFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK"];

    /// <returns>The query, or null with <paramref name="problems"/> saying why.</returns>
    public static KpiReportQuery? Parse(
        string from, string to, string interval, string by, IReadOnlyCollection<string> queues, IReadOnlyCollection<string> agents,
        List<string> problems)
    {
        var start = Instant("--from", from, problems);
        var end = Instant("--to", to, problems);
        if (start is { } s && end is { } e && (e <= s || e - s > MaxRange))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"--to: must be after --from and at most {MaxRange.TotalDays:F0} days later"));
        }

        TimeSpan? length = interval switch
        {
            "quarter" or "15m" => TimeSpan.FromMinutes(15),
            "hour" => TimeSpan.FromHours(1),
            "day" => TimeSpan.FromDays(1),
            "week" => TimeSpan.FromDays(7),
            _ => null,
        };
        if (length is null)
        {
            problems.Add($"--interval: '{interval}' is not quarter, hour, day or week");
        }

        var splits = by.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (splits.Any(split => split is not ("queue" or "agent")))
        {
            problems.Add($"--by: '{by}' is not queue, agent or queue,agent");
        }

        return problems.Count > 0 || start is null || end is null || length is null
            ? null
            : new KpiReportQuery(start.Value, end.Value, length.Value, splits.Contains("queue"), splits.Contains("agent"), queues, agents);
    }

    private static DateTimeOffset? Instant(string option, string text, List<string> problems)
    {
        if (DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        problems.Add($"{option}: '{text}' is not a date (yyyy-MM-dd) or an ISO 8601 instant");
        return null;
    }
}
