using System.Globalization;
using Appliance.Sync.Contracts.Report.V1;
using Google.Protobuf.WellKnownTypes;

namespace Appliance.HeadOffice.Reports.Internal;

/// <summary>
/// The report's columns, shared by the CSV and JSON writers so both always carry the same fields in the same order.
/// Times are ISO 8601 UTC, durations seconds, ratios 0–1, all in the invariant culture.
/// </summary>
internal static class ReportValues
{
    // The box's own `report kpi` writes the same columns, less the branch: one list keeps the two files aligned.
    public static readonly string[] KpiColumns = ["branch_id", .. Appliance.Sync.Reporting.Kpi.KpiCsv.Columns];

    public static readonly string[] CallColumns =
    [
        "branch_id", "call_id", "caller_number", "line_id", "queue_id", "agent_id", "started_at", "answered_at", "ended_at",
        "disposition", "recording_id",
    ];

    /// <summary>Each value is a string, a number, or null for an absent time.</summary>
    public static object?[] Kpi(string branchId, KpiRow row) =>
    [
        branchId, Time(row.IntervalStart), row.QueueId, row.AgentId, row.Offered, row.Answered, row.Abandoned,
        row.AnsweredWithinThreshold, row.ServiceLevel, row.AbandonRate, Seconds(row.AverageSpeedOfAnswer), Seconds(row.AverageWait),
        Seconds(row.AverageHandlingTime), Seconds(row.AfterCallWork), Seconds(row.LoginTime), row.Occupancy,
        row.ShortAbandoned, row.ServiceLevelWithShortAbandons, row.ServiceLevelWithoutShortAbandons, row.Handled,
        Seconds(row.AverageTalkTime), Seconds(row.AverageHoldTime), row.Transferred, row.CallbacksRequested, row.CallbacksMade,
        row.CallbacksKept, row.SurveyResponses, row.SurveyAverage, row.TicketsOpened, row.FirstContactResolution,
        row.OfferedLoadErlangs, row.AgentsNeeded,
    ];

    public static object?[] Call(string branchId, CallRecord call) =>
    [
        branchId, call.CallId, call.CallerNumber, call.LineId, call.QueueId, call.AgentId, Time(call.StartedAt), Time(call.AnsweredAt),
        Time(call.EndedAt), Disposition(call.Disposition), call.RecordingId,
    ];

    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string? Time(Timestamp? value) =>
        value?.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static double Seconds(Duration? value) => value is null ? 0 : value.ToTimeSpan().TotalSeconds;

    private static string Disposition(CallDisposition disposition) => disposition switch
    {
        CallDisposition.SelfService => "self_service",
        CallDisposition.Answered => "answered",
        CallDisposition.Abandoned => "abandoned",
        CallDisposition.Callback => "callback",
        CallDisposition.Failed => "failed",
        _ => "unspecified",
    };
}
