using Appliance.Host.Configuration;
using Appliance.Host.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Composition;

/// <summary>The web listener (section Web: off unless enabled, loopback only) with the agent desk's screen pop.</summary>
internal static class WebComposition
{
    /// <summary>Registers it; call after the call-center start-up is registered, so it starts once the configuration is loaded.</summary>
    public static void AddWeb(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddApplianceOptions<WebOptions>(WebOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebOptions>, WebOptionsValidator>());
        services.AddSingleton<WebServerHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<WebServerHostedService>());
    }
}
