using Appliance.Host.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Host.Hosting;

/// <summary>Everything a verb needs to build the appliance the way <c>run</c> does.</summary>
/// <param name="StartTimestamp">Stopwatch timestamp at the CLI's entry, for "Appliance ready in … ms".</param>
internal sealed record ApplianceLaunch(
    ApplianceDataDirectory DataDirectory,
    ApplianceConfigurationSources Sources,
    Cli.CliConsole Console,
    long StartTimestamp)
{
    /// <summary>False in the host's own tests, which check the host without telephony.</summary>
    public bool IncludeComposition { get; init; } = true;

    /// <summary>Lets tests add fakes after every other registration.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Called once the appliance has started and logged that it is ready.</summary>
    public Action<WebApplication>? Ready { get; init; }
}
