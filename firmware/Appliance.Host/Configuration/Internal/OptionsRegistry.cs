using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Host.Configuration.Internal;

/// <summary>
/// Every options class registered through AddApplianceOptions, so that <c>config check</c> and the start-up check can
/// validate all of them and name the section each belongs to.
/// </summary>
internal sealed class OptionsRegistry
{
    private readonly List<OptionsRegistration> _registrations = [];

    public IReadOnlyList<OptionsRegistration> Registrations => _registrations;

    /// <summary>The registry living in <paramref name="services"/>, created on first use.</summary>
    public static OptionsRegistry From(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(OptionsRegistry) && descriptor.ImplementationInstance is OptionsRegistry existing)
            {
                return existing;
            }
        }

        var registry = new OptionsRegistry();
        services.AddSingleton(registry);
        return registry;
    }

    /// <summary>Adds a registration; false when the same class is already bound to the same section.</summary>
    /// <exception cref="InvalidOperationException">The class is already bound to a different section.</exception>
    public bool TryAdd(OptionsRegistration registration)
    {
        var existing = _registrations.Find(r => r.OptionsType == registration.OptionsType);
        if (existing is null)
        {
            _registrations.Add(registration);
            return true;
        }

        if (string.Equals(existing.SectionPath, registration.SectionPath, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw new InvalidOperationException(
            $"{registration.OptionsType.Name} is already bound to section '{existing.SectionPath}'; " +
            $"it cannot also be bound to '{registration.SectionPath}'");
    }
}
