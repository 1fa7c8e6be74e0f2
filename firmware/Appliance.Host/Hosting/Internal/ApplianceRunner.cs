using System.Diagnostics;
using Appliance.Host.Cli;
using Appliance.Host.Configuration;
using Appliance.Host.Control;
using Appliance.Host.Control.Internal;
using Appliance.Host.Logging;
using Appliance.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serilog;

namespace Appliance.Host.Hosting.Internal;

/// <summary>The <c>run</c> verb: check everything, then start the appliance and serve until told to stop.</summary>
internal static class ApplianceRunner
{
    public static async Task<int> RunAsync(ApplianceLaunch launch, CancellationToken cancellationToken)
    {
        var console = launch.Console;
        WebApplicationBuilder builder;
        try
        {
            builder = ApplianceHostFactory.CreateBuilder(launch);
        }
        catch (ConfigurationFileException ex)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return ExitCodes.InvalidConfiguration;
        }

        var loggingOptions = LoggingSettings.Read(builder.Configuration, out var loggingFailures);
        if (loggingFailures.Count > 0)
        {
            await console.WriteFailuresAsync(loggingFailures);
            return ExitCodes.InvalidConfiguration;
        }

        var serilog = SerilogSetup.CreateLogger(builder.Configuration, loggingOptions, launch.DataDirectory, console.LogWriter);
        builder.Services.AddSerilog(serilog, dispose: true);

        WebApplication built;
        try
        {
            built = ApplianceHostFactory.Build(builder, launch);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or AggregateException)
        {
            await serilog.DisposeAsync(); // Nothing else owns it yet.
            await console.Error.WriteLineAsync($"the appliance could not be assembled: {ex.Message}");
            return ExitCodes.Failure;
        }

        await using var app = built;
        var failures = ApplianceOptionsValidation.Validate(app.Services);
        if (failures.Count > 0)
        {
            await console.WriteFailuresAsync(failures);
            return ExitCodes.InvalidConfiguration;
        }

        return await ServeAsync(app, launch, cancellationToken);
    }

    private static async Task<int> ServeAsync(WebApplication app, ApplianceLaunch launch, CancellationToken cancellationToken)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Appliance.Host");
        var socketPath = ControlSocketSetup.SocketPath(app.Services.GetRequiredService<IOptions<ControlOptions>>().Value, launch.DataDirectory);
        HostingLog.Starting(logger, VersionInfo.Current.InformationalVersion, launch.DataDirectory.Path, Environment.ProcessId);

        InstanceGuard guard;
        try
        {
            guard = await InstanceGuard.AcquireAsync(launch.DataDirectory, socketPath, logger, cancellationToken);
        }
        catch (ApplianceAlreadyRunningException ex)
        {
            HostingLog.Refused(logger, ex.Message);
            await launch.Console.Error.WriteLineAsync(ex.Message);
            return ExitCodes.Failure;
        }

        using (guard)
        {
            try
            {
                _ = app.Services.GetRequiredService<StatusReporter>(); // Uptime counts from here, not from the first status request.
                await app.StartAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                HostingLog.StartFailed(logger, ex);
                var storage = FindStorageFailure(ex);
                await launch.Console.Error.WriteLineAsync($"the appliance failed to start: {(storage ?? ex).Message}");
                return storage is null ? ExitCodes.Failure : ExitCodes.StorageFailure;
            }

            app.Lifetime.ApplicationStopping.Register(() => HostingLog.Stopping(logger));
            HostingLog.ControlSocketListening(logger, socketPath);
            HostingLog.Ready(logger, (long)Stopwatch.GetElapsedTime(launch.StartTimestamp).TotalMilliseconds);
            launch.Ready?.Invoke(app);

            await app.WaitForShutdownAsync(cancellationToken);
            HostingLog.Stopped(logger);
            return ExitCodes.Ok;
        }
    }

    // A refused database (corrupt, foreign, newer schema) gets the same exit code as `db migrate` gives it, so a
    // technician's script or systemd's status tells it apart from other start failures.
    private static StorageException? FindStorageFailure(Exception exception) => exception switch
    {
        StorageException storage => storage,
        AggregateException aggregate => aggregate.InnerExceptions.Select(FindStorageFailure).FirstOrDefault(found => found is not null),
        { InnerException: { } inner } => FindStorageFailure(inner),
        _ => null,
    };
}
