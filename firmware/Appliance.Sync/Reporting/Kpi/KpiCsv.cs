using System.Globalization;

namespace Appliance.Sync.Reporting.Kpi;

/// <summary>
/// A KPI report as CSV (RFC 4180: comma separated, CRLF, fields quoted when they hold a comma, quote or line break), with
/// the column names and units of head office's <c>report pull --format csv</c> less its branch column, so a file made on the
/// box and one pulled by head office line up. Times are UTC ISO 8601, durations in seconds, ratios 0-1.
/// </summary>
public static class KpiCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "interval_start", "queue_id", "agent_id", "offered", "answered", "abandoned", "answered_within_threshold",
        "service_level", "abandon_rate", "average_speed_of_answer_seconds", "average_wait_seconds",
        "average_handling_time_seconds", "after_call_work_seconds", "login_time_seconds", "occupancy",
        "short_abandoned", "service_level_with_short_abandons", "service_level_without_short_abandons", "handled",
        "average_talk_time_seconds", "average_hold_time_seconds", "transferred", "callbacks_requested", "callbacks_made",
        "callbacks_kept", "survey_responses", "survey_average", "tickets_opened", "first_contact_resolution",
        "offered_load_erlangs", "agents_needed",
    ];

    /// <summary>Writes the header and one line per row.</summary>
    public static async Task WriteAsync(TextWriter output, IEnumerable<KpiFigures> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        await WriteLineAsync(output, Columns, cancellationToken);
        foreach (var row in rows)
        {
            await WriteLineAsync(output, Values(row).Select(Format).ToList(), cancellationToken);
        }
    }

    private static object[] Values(KpiFigures r) =>
    [
        r.IntervalStart.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), r.Queue, r.Agent, r.Offered,
        r.Answered, r.Abandoned, r.AnsweredWithinThreshold, r.ServiceLevel, r.AbandonRate, r.AverageSpeedOfAnswer, r.AverageWait,
        r.AverageHandlingTime, r.AfterCallWork, r.LoginTime, r.Occupancy, r.ShortAbandoned, r.ServiceLevelWithShortAbandons,
        r.ServiceLevelWithoutShortAbandons, r.Handled, r.AverageTalkTime, r.AverageHoldTime, r.Transferred, r.CallbacksRequested,
        r.CallbacksMade, r.CallbacksKept, r.SurveyResponses, r.SurveyAverage, r.TicketsOpened, r.FirstContactResolution,
        r.OfferedLoadErlangs, r.AgentsNeeded,
    ];

    private static string Format(object value) => value switch
    {
        TimeSpan span => span.TotalSeconds.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static async Task WriteLineAsync(TextWriter output, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                await output.WriteAsync(',');
            }

            var field = fields[i];
            // A leading = + - @ would make a spreadsheet run the field as a formula; queue and agent ids come from config.
            var safe = field.Length > 0 && "=+@".Contains(field[0], StringComparison.Ordinal) ? "'" + field : field;
            var quoted = safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
            await output.WriteAsync(quoted.AsMemory(), cancellationToken);
        }

        await output.WriteAsync("\r\n".AsMemory(), cancellationToken);
    }
}
