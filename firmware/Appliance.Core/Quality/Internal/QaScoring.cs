namespace Appliance.Core.Quality.Internal;

/// <summary>
/// Checks a reviewer's answers against a scorecard and computes the total: each question counts its weight times
/// value / max, as a percentage of all weights; a fatal question answered no (0) makes the total 0.
/// </summary>
internal static class QaScoring
{
    public static (IReadOnlyList<KeyValuePair<string, int>> Answers, double Total, bool Fatal) Compute(
        ScorecardOptions card, IReadOnlyDictionary<string, int> answers)
    {
        var questions = card.Sections.SelectMany(s => s.Questions).ToList();
        var unknown = answers.Keys.Where(k => !questions.Exists(q => q.Id == k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw Invalid(card, $"has no question {string.Join(", ", unknown.Select(u => $"'{u}'"))}");
        }

        var missing = questions.Where(q => !answers.ContainsKey(q.Id)).Select(q => $"'{q.Id}'").ToList();
        if (missing.Count > 0)
        {
            throw Invalid(card, $"needs an answer to every question; missing {string.Join(", ", missing)}");
        }

        var (points, weights, fatal) = (0.0, 0, false);
        var ordered = new List<KeyValuePair<string, int>>(questions.Count);
        foreach (var question in questions)
        {
            var value = answers[question.Id];
            if (value < 0 || value > question.Max)
            {
                throw Invalid(card, $"question '{question.Id}' takes 0 to {question.Max}, not {value}");
            }

            ordered.Add(new(question.Id, value));
            points += question.Weight * (double)value / question.Max;
            weights += question.Weight;
            fatal |= question.Fatal && value == 0;
        }

        return (ordered, fatal ? 0 : Math.Round(100 * points / weights, 2), fatal);
    }

    private static QaException Invalid(ScorecardOptions card, string problem) =>
        new(QaFailure.Invalid, $"scorecard '{card.Name}' {problem}; nothing was stored");
}
