using Appliance.Host.Configuration;
using Appliance.Host.Configuration.Internal;
using Appliance.Host.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Cli.Internal;

/// <summary>
/// Binds and validates one options class outside the service container, for verbs that only need a setting or two
/// (the socket path, the database file) and must not build the whole appliance.
/// </summary>
internal static class StandaloneOptions
{
    /// <summary>
    /// The configuration <c>run</c> would use for <paramref name="launch"/>; null (with the reason printed) when a
    /// configuration file cannot be read.
    /// </summary>
    public static async Task<IConfiguration?> LoadAsync(ApplianceLaunch launch)
    {
        try
        {
            return ApplianceConfigurationLoader.Load(launch.Sources);
        }
        catch (ConfigurationFileException ex)
        {
            await launch.Console.Error.WriteLineAsync(ex.Message);
            return null;
        }
    }

    /// <summary>Prints every failure; true when there is none, so the verb may go on.</summary>
    public static async Task<bool> AcceptAsync(ApplianceLaunch launch, IReadOnlyCollection<string> failures)
    {
        if (failures.Count == 0)
        {
            return true;
        }

        await launch.Console.WriteFailuresAsync(failures);
        return false;
    }

    public static T Read<T>(IConfiguration configuration, string sectionPath, out IReadOnlyList<string> failures, params IValidateOptions<T>[] validators)
        where T : class, new()
    {
        var options = new T();
        var found = new List<string>();
        try
        {
            SectionBinder.Bind(configuration, sectionPath, options);
            foreach (var validator in validators.Prepend(new PathNamingValidator<T>(sectionPath)))
            {
                var result = validator.Validate(Options.DefaultName, options);
                if (result.Failed)
                {
                    found.AddRange(result.Failures.Select(f => FailureMessages.Normalize(sectionPath, f)));
                }
            }
        }
        catch (OptionsValidationException ex)
        {
            found.AddRange(ex.Failures);
        }

        failures = found;
        return options;
    }
}
