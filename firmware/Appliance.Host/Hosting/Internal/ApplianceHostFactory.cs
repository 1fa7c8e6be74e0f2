using Appliance.Host.Composition;
using Appliance.Host.Configuration;
using Appliance.Host.Control;
using Appliance.Host.Control.Internal;
using Appliance.Host.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Hosting.Internal;

/// <summary>Builds the appliance's web application identically for <c>run</c> and <c>config check</c>.</summary>
internal static class ApplianceHostFactory
{
    /// <exception cref="ConfigurationFileException">The configuration cannot be loaded.</exception>
    public static WebApplicationBuilder CreateBuilder(ApplianceLaunch launch)
    {
        // The empty builder adds no configuration sources, logging providers or URLs of its own: the appliance decides all.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = "appliance",
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        ApplianceConfigurationLoader.AddSources(builder.Configuration, launch.Sources);
        builder.Logging.ClearProviders();

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(launch.DataDirectory);
        services.AddApplianceOptions<BoardOptions>(BoardOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BoardOptions>, BoardOptionsValidator>());
        services.AddApplianceOptions<ControlOptions>(ControlOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ControlOptions>, ControlOptionsValidator>());
        services.AddApplianceOptions<ApplianceLoggingOptions>(ApplianceLoggingOptions.SectionName);
        services.AddSingleton<StatusReporter>();
        services.AddServiceManager(SystemdEnvironment.FromProcess());
        builder.AddControlSocket();

        if (launch.IncludeComposition)
        {
            ApplianceComposition.AddServices(builder, launch.DataDirectory);
        }

        launch.ConfigureServices?.Invoke(services);
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder, ApplianceLaunch launch)
    {
        var app = builder.Build();
        app.UseRequestLogging();
        app.MapControlApi();
        if (launch.IncludeComposition)
        {
            ApplianceComposition.MapEndpoints(app);
        }

        return app;
    }
}
