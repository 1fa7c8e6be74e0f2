using Appliance.Storage.Kpi;

namespace Appliance.Sync.Reporting.Kpi.Internal;

/// <summary>Collects one row's call sums, ticket sums and agent time, and computes its figures.</summary>
internal sealed class KpiRowBuilder(DateTimeOffset start, string queue, string agent)
{
    private long _loggedInMs;
    private long _busyMs;
    private long _availableMs;

    public KpiSums? Calls { get; set; }

    public KpiTicketSums? Tickets { get; set; }

    public void Add(KpiAgentTime time)
    {
        _loggedInMs += time.LoggedInMs;
        _busyMs += time.BusyMs;
        _availableMs += time.AvailableMs;
    }

    public KpiFigures Build(ReportServiceOptions settings, TimeSpan interval)
    {
        var c = Calls ?? new KpiSums(start, queue, agent);
        var shortAbandoned = settings.ShortAbandonThresholdSeconds > 0 ? c.ShortAbandoned : 0;
        var configured = settings.ServiceLevelFormula switch
        {
            ServiceLevelFormula.AnsweredOnly => c.Answered,
            ServiceLevelFormula.AbandonsAgainst => c.Answered + c.Abandoned,
            _ => c.Answered + c.AbandonedAfterThreshold,
        };
        var handlingMs = c.TalkMs + c.HoldMs + c.WrapMs;
        var aht = Duration(handlingMs, c.Handled);
        return new KpiFigures(start, queue, agent)
        {
            Offered = c.Offered,
            Answered = c.Answered,
            Abandoned = c.Abandoned,
            ShortAbandoned = shortAbandoned,
            AnsweredWithinThreshold = c.AnsweredWithinThreshold,
            ServiceLevel = Ratio(c.AnsweredWithinThreshold, configured),
            ServiceLevelWithShortAbandons = Ratio(c.AnsweredWithinThreshold, c.Answered + c.Abandoned),
            ServiceLevelWithoutShortAbandons = Ratio(c.AnsweredWithinThreshold, c.Answered + c.Abandoned - shortAbandoned),
            AbandonRate = Ratio(c.Abandoned - shortAbandoned, c.Offered - shortAbandoned),
            AverageSpeedOfAnswer = Duration(c.AnsweredWaitMs, c.Answered),
            AverageWait = Duration(c.AnsweredWaitMs + c.AbandonWaitMs, c.Answered + c.Abandoned),
            Handled = c.Handled,
            AverageTalkTime = Duration(c.TalkMs, c.Handled),
            AverageHoldTime = Duration(c.HoldMs, c.Handled),
            AverageHandlingTime = aht,
            AfterCallWork = Duration(c.WrapMs, c.Handled),
            Transferred = c.Transferred,
            LoginTime = TimeSpan.FromMilliseconds(_loggedInMs),
            Occupancy = Ratio(_busyMs, _busyMs + _availableMs),
            CallbacksRequested = c.CallbacksRequested,
            CallbacksMade = c.CallbacksMade,
            CallbacksKept = c.CallbacksKept,
            SurveyResponses = c.SurveyResponses,
            SurveyAverage = Ratio(c.SurveyScoreTotal, c.SurveyResponses),
            TicketsOpened = Tickets?.Opened ?? 0,
            FirstContactResolution = Ratio(Tickets?.ResolvedFirstContact ?? 0, Tickets?.Opened ?? 0),
            OfferedLoadErlangs = c.Offered * aht.TotalSeconds / interval.TotalSeconds,
            AgentsNeeded = ErlangC.AgentsNeeded(
                c.Offered, aht, interval, settings.StaffingServiceLevelTarget, TimeSpan.FromSeconds(settings.ServiceLevelThresholdSeconds)),
        };
    }

    private static double Ratio(double numerator, double denominator) => denominator <= 0 ? 0 : numerator / denominator;

    private static TimeSpan Duration(long totalMs, long count) => count <= 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Round((double)totalMs / count));
}
