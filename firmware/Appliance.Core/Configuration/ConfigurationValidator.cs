using Appliance.Core.Configuration.Internal;

namespace Appliance.Core.Configuration;

/// <summary>
/// Checks a whole configuration before it takes effect and names every error with its place in the document, so a
/// bad change is refused as a whole and the running configuration stays as it was.
/// </summary>
public static class ConfigurationValidator
{
    /// <summary>Every error in <paramref name="configuration"/>; empty when it may take effect.</summary>
    public static IReadOnlyList<ConfigurationError> Validate(CallCenterConfiguration configuration, ConfigurationEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        environment ??= ConfigurationEnvironment.None;
        var errors = new ErrorList();
        if (configuration.Schema != CallCenterConfiguration.CurrentSchema)
        {
            errors.Add("schema", $"this firmware reads schema {CallCenterConfiguration.CurrentSchema}, not {configuration.Schema}");
            return errors.Errors;
        }

        var index = new ConfigurationIndex(configuration);
        BranchRules.Check(configuration.Branch, errors);
        CalendarRules.Check(configuration.Calendars, errors);
        EntryPointRules.Check(configuration.EntryPoints, index, environment, errors);
        FlowRules.Check(configuration.Menus, index, environment, errors);
        FlowGraph.CheckEveryPathEnds(configuration.Menus, index, errors);
        QueueRules.Check(configuration.Queues, index, errors);
        SurveyRules.Check(configuration.Queues, index, environment, errors);
        AgentRules.Check(configuration.Agents, configuration.VipCallers, errors);
        PauseReasonRules.Check(configuration.PauseReasons, errors);
        return errors.Errors;
    }
}
