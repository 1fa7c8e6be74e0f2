using Microsoft.AspNetCore.Builder;

namespace Appliance.Host.Composition;

/// <summary>
/// The seam between the host (configuration, logging, control socket) and the telephony / call-center wiring that lives
/// in the Composition/ folder. Composition implements the two partial methods; until it does, the host runs with
/// only its own services, which is also what the host's own tests use.
/// </summary>
internal static partial class ApplianceComposition
{
    /// <summary>Registers the appliance's components; called after the host's own services, before the app is built.</summary>
    internal static void AddServices(WebApplicationBuilder builder, Hosting.ApplianceDataDirectory dataDirectory) =>
        ConfigureServices(builder, dataDirectory);

    /// <summary>Maps the components' endpoints; called after the control API is mapped.</summary>
    internal static void MapEndpoints(WebApplication app) => ConfigureEndpoints(app);

    /// <summary>
    /// Implement in Composition/: register options with <c>services.AddApplianceOptions&lt;T&gt;("Section")</c>, the
    /// board driver chosen by <c>BoardOptions.Driver</c>, an <c>ISimulatedCallRunner</c> and <c>IStatusSection</c>s.
    /// </summary>
    static partial void ConfigureServices(WebApplicationBuilder builder, Hosting.ApplianceDataDirectory dataDirectory);

    /// <summary>Implement in Composition/ to map the web admin or other endpoints.</summary>
    static partial void ConfigureEndpoints(WebApplication app);
}
