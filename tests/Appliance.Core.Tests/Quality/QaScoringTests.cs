using Appliance.Core.Quality;
using Appliance.Storage;
using Appliance.Storage.Quality;

namespace Appliance.Core.Tests.Quality;

/// <summary>Scores: the weighted total, a fatal "no" that zeroes it, and refusals that store nothing.</summary>
public sealed class QaScoringTests : IDisposable
{
    private readonly QaHarness _qa = new();

    public QaScoringTests() => _qa.MakeCalls("1001", 3);

    public void Dispose() => _qa.Dispose();

    private static Dictionary<string, int> Answers(int greeting = 1, int verified = 1, int courtesy = 4, int resolution = 3) =>
        new() { ["greeting"] = greeting, ["verified"] = verified, ["courtesy"] = courtesy, ["resolution"] = resolution };

    [Fact]
    public void The_total_weighs_each_answer_and_is_stored_with_the_answers()
    {
        var score = _qa.Service.Score("1001-000", "service", "qa-lead", Answers());

        // (1·1/1 + 1·1/1 + 2·4/5 + 4·3/5) / (1 + 1 + 2 + 4) = (1 + 1 + 1.6 + 2.4) / 8 = 75 %
        Assert.Equal(75.0, score.Total);
        Assert.False(score.Fatal);
        Assert.Equal("1001", score.Agent);
        var shown = _qa.Service.Show("1001-000");
        var stored = Assert.Single(shown.Scores);
        Assert.Equal((75.0, "qa-lead", "service"), (stored.Total, stored.Reviewer, stored.Scorecard));
        Assert.Equal(["greeting", "verified", "courtesy", "resolution"], stored.Answers.Select(a => a.Key));
        Assert.Equal([1, 1, 4, 3], stored.Answers.Select(a => a.Value));
    }

    [Fact]
    public void Scoring_a_sampled_call_marks_it_scored_in_the_review_list()
    {
        var sampled = Assert.Single(_qa.Service.Sample().Samples);
        Assert.False(sampled.Scored);

        _qa.Service.Score(sampled.CallId, "service", "qa-lead", Answers());

        Assert.True(Assert.Single(_qa.Service.List().Samples).Scored);
    }

    [Fact]
    public void A_fatal_no_zeroes_the_score_whatever_the_other_answers()
    {
        var score = _qa.Service.Score("1001-001", "service", "qa-lead", Answers(verified: 0, courtesy: 5, resolution: 5));

        Assert.Equal((0.0, true), (score.Total, score.Fatal));
        Assert.Equal(0.0, Assert.Single(_qa.Service.Show("1001-001").Scores).Total);
    }

    [Fact]
    public void A_score_for_an_unknown_call_or_scorecard_is_refused_naming_it()
    {
        var noCall = Assert.Throws<QaException>(() => _qa.Service.Score("nope", "service", "qa-lead", Answers()));
        var noCard = Assert.Throws<QaException>(() => _qa.Service.Score("1001-000", "sales", "qa-lead", Answers()));
        var noAgent = Assert.Throws<QaException>(() => _qa.Service.Score("1001-menu", "service", "qa-lead", Answers()));

        Assert.Equal((QaFailure.NotFound, QaFailure.NotFound, QaFailure.Invalid), (noCall.Failure, noCard.Failure, noAgent.Failure));
        Assert.Contains("'nope'", noCall.Message, StringComparison.Ordinal);
        Assert.Contains("no scorecard is called 'sales' (known: service)", noCard.Message, StringComparison.Ordinal);
        AssertNothingStored();
    }

    [Theory]
    [InlineData("courtesy", 6, "question 'courtesy' takes 0 to 5, not 6")]
    [InlineData("verified", 2, "question 'verified' takes 0 to 1, not 2")]
    [InlineData("resolution", -1, "question 'resolution' takes 0 to 5, not -1")]
    public void An_answer_outside_its_range_is_refused_and_nothing_is_stored(string question, int value, string message)
    {
        var answers = Answers();
        answers[question] = value;

        var refused = Assert.Throws<QaException>(() => _qa.Service.Score("1001-000", "service", "qa-lead", answers));

        Assert.Equal(QaFailure.Invalid, refused.Failure);
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        AssertNothingStored();
    }

    [Fact]
    public void Missing_or_unknown_questions_are_refused()
    {
        var missing = Answers();
        missing.Remove("courtesy");
        var extra = Answers();
        extra["smile"] = 1;

        Assert.Contains("missing 'courtesy'", Assert.Throws<QaException>(() => _qa.Service.Score("1001-000", "service", "qa", missing)).Message, StringComparison.Ordinal);
        Assert.Contains("has no question 'smile'", Assert.Throws<QaException>(() => _qa.Service.Score("1001-000", "service", "qa", extra)).Message, StringComparison.Ordinal);
        AssertNothingStored();
    }

    [Fact]
    public void A_second_score_on_the_same_scorecard_is_a_conflict_and_the_first_stays()
    {
        _qa.Service.Score("1001-000", "service", "qa-lead", Answers());

        var again = Assert.Throws<QaException>(() => _qa.Service.Score("1001-000", "service", "someone", Answers(courtesy: 0)));

        Assert.Equal(QaFailure.Conflict, again.Failure);
        Assert.Equal("qa-lead", Assert.Single(_qa.Service.Show("1001-000").Scores).Reviewer);
    }

    private void AssertNothingStored()
    {
        Assert.Empty(_qa.Service.Show("1001-000").Scores);
        Assert.Empty(new OutboxRepository(_qa.Database).ReadOldest(10));
    }
}
