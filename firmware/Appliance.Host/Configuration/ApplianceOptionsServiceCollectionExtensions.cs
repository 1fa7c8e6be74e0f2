using Appliance.Host.Configuration.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Configuration;

/// <summary>The one way every component's options get into the appliance.</summary>
public static class ApplianceOptionsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from the configuration section <paramref name="sectionPath"/> (e.g. "Board:Simulated"),
    /// validates it with its DataAnnotations attributes and every registered <see cref="IValidateOptions{T}"/>, and checks it
    /// when the host starts (and in <c>appliance config check</c>). Failures name the full setting path,
    /// e.g. <c>Board:Simulated:LineCount: must be between 1 and 32</c>.
    /// </summary>
    /// <remarks>
    /// An <see cref="IValidateOptions{T}"/> of your own may return messages starting with the key relative to the section
    /// ("LineCount: must be …"); the host prefixes the section path when it reports them.
    /// </remarks>
    public static OptionsBuilder<T> AddApplianceOptions<T>(this IServiceCollection services, string sectionPath)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionPath);

        var builder = services.AddOptions<T>();
        if (!OptionsRegistry.From(services).TryAdd(new OptionsRegistration(
            typeof(T),
            sectionPath,
            provider => provider.GetRequiredService<IOptions<T>>().Value)))
        {
            return builder; // Registering the same class for the same section twice is harmless; don't bind twice.
        }

        builder.Configure<IConfiguration>((options, configuration) => SectionBinder.Bind(configuration, sectionPath, options));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>>(new PathNamingValidator<T>(sectionPath)));
        return builder.ValidateOnStart();
    }
}
