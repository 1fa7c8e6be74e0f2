using Appliance.Host.Configuration.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Configuration;

/// <summary>Validates every options class registered through AddApplianceOptions, the way <c>config check</c> does.</summary>
public static class ApplianceOptionsValidation
{
    /// <summary>
    /// Materialises each registered options class and returns every failure as <c>Section:Key: message</c>, sorted by
    /// setting path; empty when the configuration is valid.
    /// </summary>
    public static IReadOnlyList<string> Validate(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = services.GetService<OptionsRegistry>();
        if (registry is null)
        {
            return [];
        }

        var failures = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in registry.Registrations)
        {
            try
            {
                _ = registration.Resolve(services);
            }
            catch (OptionsValidationException ex)
            {
                foreach (var failure in ex.Failures)
                {
                    failures.Add(FailureMessages.Normalize(registration.SectionPath, failure));
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
            {
                // A component's own Configure/PostConfigure callback rejected the section.
                failures.Add(FailureMessages.Normalize(registration.SectionPath, ex.Message));
            }
        }

        return [.. failures];
    }
}
