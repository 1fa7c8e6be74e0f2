using Appliance.HeadOffice.Tests.Support;
using Appliance.Storage;
using Appliance.Storage.Quality;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Outbox;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using BoxQaScore = Appliance.Storage.Quality.QaScoreRecord;

namespace Appliance.HeadOffice.Tests.Sync;

/// <summary>
/// A box's survey score and QA score, encoded by the box's own outbox encoders and pushed through the real sync service,
/// land in PostgreSQL's call_summaries.survey_score and qa_scores; an impossible QA total is refused by name.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SurveyAndQaPushTests(PostgresServer postgres) : EnrolledBranchTests(postgres)
{
    private static readonly DateTimeOffset ScoredAt = new(2026, 1, 12, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_call_with_a_survey_score_and_its_qa_score_are_stored_at_head_office()
    {
        var response = await HeadOffice.PushAsync("branch-1", Key, [Call(1, "C1", survey: 4), Call(2, "C2", survey: null), Score(3, "C1", 87.5)]);

        Assert.Empty(response.Rejected);
        Assert.Equal(["call-C1", "call-C2", "qa-C1"], response.AcknowledgedKeys);
        Assert.Equal(4, await HeadOffice.CountAsync("SELECT survey_score FROM call_summaries WHERE call_id = 'C1'"));
        Assert.Equal(1, await HeadOffice.CountAsync("SELECT COUNT(*) FROM call_summaries WHERE call_id = 'C2' AND survey_score IS NULL"));
        Assert.Equal(
            "branch-1|qa-C1-standard|C1|agent-7|standard|lin|87.5|f|2026-01-12 10:30:00+00",
            await HeadOffice.ScalarTextAsync(
                """
                SELECT concat_ws('|', branch_id, score_id, call_id, agent_id, scorecard, reviewer, total, fatal,
                                 to_char(scored_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || '+00')
                FROM qa_scores
                """));
        Assert.Equal(2, await HeadOffice.CountAsync("SELECT (answers ->> 'greeting')::int FROM qa_scores WHERE score_id = 'qa-C1-standard'"));
        Assert.Equal(0, await HeadOffice.CountAsync("SELECT (answers ->> 'verified')::int FROM qa_scores WHERE score_id = 'qa-C1-standard'"));
    }

    [Theory]
    [InlineData(100.5)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public async Task A_qa_score_with_a_total_outside_0_to_100_is_refused_by_name_and_its_batch_stores_nothing(double total)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            HeadOffice.PushAsync("branch-1", Key, [Call(1, "C9", survey: 5), Score(2, "C9", total)]));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("'qa-C9'", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("total must be between 0 and 100", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await HeadOffice.CountAsync("SELECT COUNT(*) FROM qa_scores"));
        Assert.Equal(0, await HeadOffice.CountAsync("SELECT COUNT(*) FROM call_summaries"));
        Assert.Equal(0, await HeadOffice.CountAsync("SELECT COUNT(*) FROM applied_records"));

        // The box's corrected score then goes through: the refusal left nothing behind that blocks it.
        var retried = await HeadOffice.PushAsync("branch-1", Key, [Call(1, "C9", survey: 5), Score(2, "C9", 100)]);
        Assert.Equal(["call-C9", "qa-C9"], retried.AcknowledgedKeys);
        Assert.Equal(100, await HeadOffice.CountAsync("SELECT total FROM qa_scores WHERE call_id = 'C9'"));
    }

    private static SyncRecord Call(long sequence, string callId, int? survey)
    {
        var started = TestRecords.Start.AddMinutes(sequence);
        var call = new CallRecord(callId, 1, "analog", "138****5678", null, started, started.AddSeconds(5), started.AddMinutes(3),
            "main", "cards", "agent-7", "answered-by-agent", 5_000, 170_000, "caller", "rec-" + callId) { SurveyScore = survey };
        return Envelope("call-" + callId, RecordKind.CallSummary, sequence, new ProtobufOutboxPayloadEncoder().Encode(call));
    }

    private static SyncRecord Score(long sequence, string callId, double total)
    {
        var score = new BoxQaScore("qa-" + callId + "-standard", callId, "agent-7", "standard", "lin",
            [new("greeting", 2), new("verified", 0)], total, false, ScoredAt);
        return Envelope("qa-" + callId, RecordKind.QaScore, sequence, new ProtobufQaScoreEncoder().Encode(score));
    }

    private static SyncRecord Envelope(string key, RecordKind kind, long sequence, byte[] payload) => new()
    {
        IdempotencyKey = key,
        Kind = kind,
        Sequence = sequence,
        PayloadVersion = 1,
        Payload = ByteString.CopyFrom(payload),
        CreatedAt = Timestamp.FromDateTimeOffset(TestRecords.Start.AddSeconds(sequence)),
    };
}
