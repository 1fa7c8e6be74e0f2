using Appliance.Sync.Contracts.Report.V1;
using Google.Protobuf.WellKnownTypes;

namespace Appliance.Sync.Reporting.Kpi.Internal;

/// <summary>KPI figures as the report contract's rows.</summary>
internal static class KpiWire
{
    public static KpiRow ToRow(KpiFigures f) => new()
    {
        IntervalStart = Timestamp.FromDateTimeOffset(f.IntervalStart),
        QueueId = f.Queue,
        AgentId = f.Agent,
        Offered = Count(f.Offered),
        Answered = Count(f.Answered),
        Abandoned = Count(f.Abandoned),
        AnsweredWithinThreshold = Count(f.AnsweredWithinThreshold),
        ServiceLevel = f.ServiceLevel,
        AbandonRate = f.AbandonRate,
        AverageSpeedOfAnswer = Duration.FromTimeSpan(f.AverageSpeedOfAnswer),
        AverageWait = Duration.FromTimeSpan(f.AverageWait),
        AverageHandlingTime = Duration.FromTimeSpan(f.AverageHandlingTime),
        AfterCallWork = Duration.FromTimeSpan(f.AfterCallWork),
        LoginTime = Duration.FromTimeSpan(f.LoginTime),
        Occupancy = f.Occupancy,
        ShortAbandoned = Count(f.ShortAbandoned),
        ServiceLevelWithShortAbandons = f.ServiceLevelWithShortAbandons,
        ServiceLevelWithoutShortAbandons = f.ServiceLevelWithoutShortAbandons,
        Handled = Count(f.Handled),
        AverageTalkTime = Duration.FromTimeSpan(f.AverageTalkTime),
        AverageHoldTime = Duration.FromTimeSpan(f.AverageHoldTime),
        Transferred = Count(f.Transferred),
        CallbacksRequested = Count(f.CallbacksRequested),
        CallbacksMade = Count(f.CallbacksMade),
        CallbacksKept = Count(f.CallbacksKept),
        SurveyResponses = Count(f.SurveyResponses),
        SurveyAverage = f.SurveyAverage,
        TicketsOpened = Count(f.TicketsOpened),
        FirstContactResolution = f.FirstContactResolution,
        OfferedLoadErlangs = f.OfferedLoadErlangs,
        AgentsNeeded = f.AgentsNeeded,
    };

    private static int Count(long value) => (int)Math.Min(value, int.MaxValue);
}
