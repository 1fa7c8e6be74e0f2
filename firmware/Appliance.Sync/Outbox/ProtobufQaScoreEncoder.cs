using Appliance.Storage.Quality;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Wire = Appliance.Sync.Contracts.Sync.V1;

namespace Appliance.Sync.Outbox;

/// <summary>Encodes QA scores as sync.proto's QaScoreRecord (payload_version 1), the form head office decodes.</summary>
public sealed class ProtobufQaScoreEncoder : IQaScoreEncoder
{
    /// <inheritdoc />
    public int PayloadVersion => 1;

    /// <inheritdoc />
    public byte[] Encode(QaScoreRecord score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var payload = new Wire.QaScoreRecord
        {
            ScoreId = score.Id,
            CallId = score.CallId,
            AgentId = score.Agent,
            Scorecard = score.Scorecard,
            Reviewer = score.Reviewer,
            Total = score.Total,
            Fatal = score.Fatal,
            ScoredAt = Timestamp.FromDateTimeOffset(score.ScoredAt),
        };
        payload.Answers.AddRange(score.Answers.Select(a => new Wire.QaAnswer { QuestionId = a.Key, Value = a.Value }));
        return payload.ToByteArray();
    }
}
