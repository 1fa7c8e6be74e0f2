using Appliance.Host.Configuration.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Cli.Internal;

/// <summary>
/// Binds and validates one options class outside the service container, for verbs that only need a setting or two
/// (the socket path, the database file) and must not build the whole appliance.
/// </summary>
internal static class StandaloneOptions
{
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
