using Appliance.Banking;
using Appliance.Banking.Http;
using Appliance.Banking.Simulated;
using Appliance.Host.Configuration;
using Appliance.Host.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Composition;

/// <summary>
/// The core-banking connector on the box (section Banking): the simulated core bank by default, or the HTTP adapter,
/// as the one <see cref="ICoreBanking"/> singleton. The seed file resolves against the application directory (where the
/// demo seed ships), the state file against the data directory.
/// </summary>
public static class BankingComposition
{
    /// <summary>Registers the options, their validator and the <see cref="ICoreBanking"/> singleton.</summary>
    public static void AddBanking(WebApplicationBuilder builder, ApplianceDataDirectory dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var services = builder.Services;
        services.AddApplianceOptions<BankingOptions>(BankingOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BankingOptions>, BankingOptionsValidator>());
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BankingOptions>>().Value;
            return new SimulatedCoreBank(
                SeedPath(options),
                dataDirectory.Resolve(options.StateFile),
                options,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SimulatedCoreBank>>());
        });
        services.TryAddSingleton(sp => new HttpCoreBanking(
            new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            sp.GetRequiredService<IOptions<BankingOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<HttpCoreBanking>>()));
        services.TryAddSingleton<ICoreBanking>(sp => sp.GetRequiredService<IOptions<BankingOptions>>().Value.Mode == BankingMode.Http
            ? sp.GetRequiredService<HttpCoreBanking>()
            : sp.GetRequiredService<SimulatedCoreBank>());
    }

    /// <summary>The seed file's full path: relative paths are under the application directory.</summary>
    public static string SeedPath(BankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Path.IsPathRooted(options.SeedFile) ? options.SeedFile : Path.Combine(AppContext.BaseDirectory, options.SeedFile);
    }
}
