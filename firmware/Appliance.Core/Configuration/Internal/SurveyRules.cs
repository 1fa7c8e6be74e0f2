namespace Appliance.Core.Configuration.Internal;

/// <summary>A queue's post-call survey: prompts that exist and a sane time to answer.</summary>
internal static class SurveyRules
{
    public static void Check(IReadOnlyList<QueueConfig> queues, ConfigurationIndex index, ConfigurationEnvironment environment, ErrorList errors)
    {
        foreach (var queue in queues)
        {
            if (queue.Survey is not { } survey)
            {
                continue;
            }

            var path = $"queues[{queue.Name}].survey";
            FlowRules.CheckPrompt(survey.Prompt, path + ".prompt", index, environment, errors);
            if (survey.SorryPrompt is { } sorry)
            {
                FlowRules.CheckPrompt(sorry, path + ".sorryPrompt", index, environment, errors);
            }

            errors.Range(path + ".timeoutSeconds", survey.TimeoutSeconds, 1, 60);
        }
    }
}
