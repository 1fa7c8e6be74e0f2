using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serilog;

namespace Appliance.Host.Logging;

/// <summary>One log line per control-socket request: method, path, status and elapsed time (Serilog.AspNetCore).</summary>
internal static class RequestLogging
{
    public static WebApplication UseRequestLogging(this WebApplication app)
    {
        // The middleware would otherwise write through the static Log.Logger, which this process never sets: in-process
        // tests run several appliances side by side, each with its own logger. `config check` registers none and serves
        // nothing, so it gets the silent one.
        var logger = app.Services.GetService<Serilog.ILogger>() ?? Serilog.Core.Logger.None;
        app.UseSerilogRequestLogging(options => options.Logger = logger);
        return app;
    }
}
