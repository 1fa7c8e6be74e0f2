using Appliance.Core.Configuration;
using Appliance.Core.Tests.Configuration;

namespace Appliance.Core.Tests.Survey;

/// <summary>A queue's survey settings: read from the document, carried to the ACD, and refused with the queue named.</summary>
public sealed class SurveySettingsTests
{
    [Fact]
    public void A_survey_in_the_document_reaches_the_queue_definition()
    {
        var json = ConfigurationDocument.Write(WithGeneral(q => q with { Survey = new QueueSurvey { Prompt = "rate-us", TimeoutSeconds = 7 } }));

        Assert.Contains("\"survey\": {", json, StringComparison.Ordinal);
        var parsed = ConfigurationDocument.Parse(json).Configuration!;
        Assert.Empty(ConfigurationValidator.Validate(parsed));
        var definition = new ConfigurationSnapshot(parsed, 1).Queue("general")!;
        Assert.Equal(("rate-us", 7, (string?)null), (definition.Survey!.Prompt, definition.Survey.TimeoutSeconds, definition.Survey.SorryPrompt));
    }

    [Fact]
    public void Bad_survey_settings_are_refused_naming_the_queue_and_the_setting()
    {
        var errors = ConfigurationValidator.Validate(WithGeneral(q => q with
        {
            Survey = new QueueSurvey { Prompt = "../etc/passwd", TimeoutSeconds = 0, SorryPrompt = "" },
        }));

        Assert.Equal(
            ["queues[general].survey.prompt", "queues[general].survey.sorryPrompt", "queues[general].survey.timeoutSeconds"],
            errors.Select(e => e.Path));
        Assert.Contains("between 1 and 60, not 0", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_survey_prompt_missing_in_a_language_is_refused()
    {
        var environment = new ConfigurationEnvironment { PromptExists = (_, name) => name != "rate-us" };

        var errors = ConfigurationValidator.Validate(WithGeneral(q => q with { Survey = new QueueSurvey { Prompt = "rate-us" } }), environment);

        Assert.NotEmpty(errors);
        Assert.All(errors, error =>
        {
            Assert.Equal("queues[general].survey.prompt", error.Path);
            Assert.Contains("'rate-us' has no recording in language", error.Message, StringComparison.Ordinal);
        });
    }

    private static CallCenterConfiguration WithGeneral(Func<QueueConfig, QueueConfig> change)
    {
        var branch = SampleConfiguration.Branch();
        return branch with { Queues = [.. branch.Queues.Select(q => q.Name == "general" ? change(q) : q)] };
    }
}
