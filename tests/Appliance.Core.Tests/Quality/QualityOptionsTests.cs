using Appliance.Core.Quality;

namespace Appliance.Core.Tests.Quality;

/// <summary>Scorecards are checked at start, each error naming the scorecard, section and question.</summary>
public sealed class QualityOptionsTests
{
    [Fact]
    public void The_harness_scorecard_is_valid()
    {
        Assert.True(new QualityOptionsValidator().Validate(null, QaHarness.Options(5)).Succeeded);
    }

    [Fact]
    public void Bad_scorecards_are_refused_naming_what_is_wrong()
    {
        var options = QaHarness.Options(0);
        var questions = options.Scorecards[0].Sections[0].Questions;
        questions.Add(new ScorecardQuestionOptions { Id = "greeting", Weight = 0, Max = 11 });
        questions.Add(new ScorecardQuestionOptions { Id = "pci", Max = 3, Fatal = true });
        options.Scorecards.Add(new ScorecardOptions { Name = "service" });

        var result = new QualityOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "Quality:SamplePercent: 0 must be between 1 and 100",
                "Quality:Scorecards[service]:Sections[Opening]:Questions[greeting]: the question id appears more than once in the scorecard",
                "Quality:Scorecards[service]:Sections[Opening]:Questions[greeting]:Weight: 0 must be between 1 and 100",
                "Quality:Scorecards[service]:Sections[Opening]:Questions[greeting]:Max: 11 must be between 1 and 10",
                "Quality:Scorecards[service]:Sections[Opening]:Questions[pci]:Fatal: a fatal question is yes/no, so its Max must be 1, not 3",
                "Quality:Scorecards[service]: the scorecard name appears more than once",
                "Quality:Scorecards[service]:Sections: a scorecard needs at least one section, and every section at least one question",
            ],
            result.Failures);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1441)]
    public void An_auto_sample_delay_outside_a_day_is_refused_by_name(int minutes)
    {
        var options = QaHarness.Options(5);
        options.AutoSampleDelayMinutes = minutes;

        var result = new QualityOptionsValidator().Validate(null, options);

        Assert.Equal([$"Quality:AutoSampleDelayMinutes: {minutes} must be between 0 and 1440 (a day)"], result.Failures);
        options.AutoSampleDelayMinutes = 1440;
        Assert.True(new QualityOptionsValidator().Validate(null, options).Succeeded);
    }
}
