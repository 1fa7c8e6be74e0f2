using Appliance.Sync.Contracts.Sync.V1;

namespace Appliance.HeadOffice.Sync.Internal;

/// <summary>Checks a QA score before head office stores it: ids present, a total in 0–100, and distinct answers.</summary>
internal static class QaScoreRules
{
    public static QaScoreRecord Check(string where, QaScoreRecord score)
    {
        FieldRules.Id(where, "score_id", score.ScoreId);
        FieldRules.Id(where, "call_id", score.CallId);
        FieldRules.Text(where, "agent_id", score.AgentId, required: true);
        FieldRules.Text(where, "scorecard", score.Scorecard, required: true);
        FieldRules.Text(where, "reviewer", score.Reviewer, required: true);
        FieldRules.Time(where, "scored_at", score.ScoredAt, required: true);
        if (double.IsNaN(score.Total) || score.Total is < 0 or > 100)
        {
            throw FieldRules.Invalid(where, $"total must be between 0 and 100, not {score.Total}");
        }

        if (score.Answers.Count == 0)
        {
            throw FieldRules.Invalid(where, "answers must not be empty");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var answer in score.Answers)
        {
            FieldRules.Text(where, "answers.question_id", answer.QuestionId, required: true);
            if (!seen.Add(answer.QuestionId))
            {
                throw FieldRules.Invalid(where, $"question '{answer.QuestionId}' is answered twice");
            }
        }

        return score;
    }
}
