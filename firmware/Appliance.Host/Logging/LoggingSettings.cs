using Appliance.Host.Configuration.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Logging;

/// <summary>
/// Reads and checks the logging settings ("Log" and "Serilog") straight from configuration: the logger has to exist
/// before the service container does, so these cannot wait for the container's options validation.
/// </summary>
internal static class LoggingSettings
{
    /// <summary>The "Log" options, and every failure in "Log" and "Serilog" as <c>Section:Key: message</c>.</summary>
    public static ApplianceLoggingOptions Read(IConfiguration configuration, out IReadOnlyList<string> failures)
    {
        var found = new List<string>();
        var options = new ApplianceLoggingOptions();
        try
        {
            SectionBinder.Bind(configuration, ApplianceLoggingOptions.SectionName, options);
            var result = new PathNamingValidator<ApplianceLoggingOptions>(ApplianceLoggingOptions.SectionName)
                .Validate(Options.DefaultName, options);
            if (result.Failed)
            {
                found.AddRange(result.Failures);
            }
        }
        catch (OptionsValidationException ex)
        {
            found.AddRange(ex.Failures);
        }

        found.AddRange(SerilogSetup.ValidateLevels(configuration));
        failures = found;
        return options;
    }
}
