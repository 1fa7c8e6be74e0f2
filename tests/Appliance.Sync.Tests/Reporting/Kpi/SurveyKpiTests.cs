using Appliance.Storage;
using Appliance.Sync.Outbox;
using Appliance.Sync.Reporting;
using Appliance.Sync.Reporting.Kpi;
using Appliance.Sync.Tests.Outbox;
using Appliance.Sync.Tests.Support;
using Wire = Appliance.Sync.Contracts.Sync.V1;

namespace Appliance.Sync.Tests.Reporting.Kpi;

/// <summary>
/// The survey average through the KPI summary, from events shaped exactly as the call center's post-call survey writes
/// them (SurveyFlowTests checks that shape), and the survey score on the call summary head office receives.
/// </summary>
public sealed class SurveyKpiTests : IDisposable
{
    private static readonly DateTimeOffset Nine = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly OutboxHarness _box = new();

    public void Dispose() => _box.Dispose();

    [Fact]
    public void The_survey_average_counts_scored_calls_only_per_queue_and_per_agent()
    {
        new EventLogRepository(_box.Database).Append(
        [
            .. AgentHungUp("s1", 0, "a1", ("SURVEY_INVALID", "{\"attempt\":1}"), ("SURVEY", "{\"score\":2}")),
            .. AgentHungUp("s2", 60, "a1", ("SURVEY_INVALID", "{\"attempt\":1}"), ("SURVEY_INVALID", "{\"attempt\":2}"), ("SURVEY_NO_SCORE", "{\"reason\":\"invalid\"}")),
            .. AgentHungUp("s3", 120, "a2", ("SURVEY", "{\"score\":5}")),
            .. AgentHungUp("s4", 180, "a2", ("SURVEY_NO_SCORE", "{\"reason\":\"timeout\"}")),
        ]);

        var byQueue = Assert.Single(Report(byQueue: true, byAgent: false));
        var byAgent = Report(byQueue: false, byAgent: true).ToDictionary(r => r.Agent!);

        Assert.Equal((4L, 2L, 3.5), (byQueue.Handled, byQueue.SurveyResponses, byQueue.SurveyAverage)); // (2 + 5) / 2
        Assert.Equal((1L, 2.0), (byAgent["a1"].SurveyResponses, byAgent["a1"].SurveyAverage));
        Assert.Equal((1L, 5.0), (byAgent["a2"].SurveyResponses, byAgent["a2"].SurveyAverage));
    }

    [Fact]
    public void The_call_summary_carries_the_survey_score_and_zero_for_none()
    {
        var encoder = new ProtobufOutboxPayloadEncoder();
        var call = new CallRecord("c1", 1, "analog", null, null, Nine, Nine, Nine.AddMinutes(2), "main", "loans", "a1", "answered-by-agent", 0, 0, "local", null);

        Assert.Equal(4, Wire.CallSummaryRecord.Parser.ParseFrom(encoder.Encode(call with { SurveyScore = 4 })).SurveyScore);
        Assert.Equal(0, Wire.CallSummaryRecord.Parser.ParseFrom(encoder.Encode(call)).SurveyScore);
    }

    private static IEnumerable<CallEventRecord> AgentHungUp(string call, int at, string agent, params (string Kind, string Data)[] survey)
    {
        var start = Nine.AddSeconds(at);
        yield return new CallEventRecord(start, call, "ENTERQUEUE", "loans", null, "{\"position\":1}");
        yield return new CallEventRecord(start.AddSeconds(5), call, "CONNECT", "loans", agent, "{\"holdtime\":5}");
        yield return new CallEventRecord(start.AddSeconds(35), call, "COMPLETEAGENT", "loans", agent, "{\"holdtime\":5,\"talktime\":30}");
        yield return new CallEventRecord(start.AddSeconds(35), call, "RECORDING_END", "loans", agent, "{\"seconds\":30}");
        foreach (var (kind, data) in survey)
        {
            yield return new CallEventRecord(start.AddSeconds(37), call, kind, "loans", agent, data);
        }
    }

    private IReadOnlyList<KpiFigures> Report(bool byQueue, bool byAgent) =>
        TestKpis.Reporter(_box.Database, new Appliance.Testing.ManualTimeProvider(Nine.AddHours(1)))
            .Report(new KpiReportQuery(Nine, Nine.AddMinutes(15), TimeSpan.FromMinutes(15), byQueue, byAgent, [], []), new ReportServiceOptions());
}
