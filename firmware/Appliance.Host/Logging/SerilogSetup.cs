using System.Globalization;
using Appliance.Host.Hosting;
using Appliance.Host.Logging.Internal;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;
using Serilog.Settings.Configuration;

namespace Appliance.Host.Logging;

/// <summary>
/// The only place Serilog is configured: levels from the "Serilog" section, a console sink and the rolling file
/// <c>&lt;data&gt;/logs/appliance-YYYYMMDD.log</c>.
/// </summary>
internal static class SerilogSetup
{
    public const string SectionName = "Serilog";

    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";
    private const string FileTemplate =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>Checks every level named under Serilog:MinimumLevel; returns failures as <c>Key: message</c>.</summary>
    public static IReadOnlyList<string> ValidateLevels(IConfiguration configuration)
    {
        var failures = new List<string>();
        var minimumLevel = configuration.GetSection($"{SectionName}:MinimumLevel");
        CheckLevel(minimumLevel, failures); // "MinimumLevel": "Debug" is the short form.
        CheckLevel(minimumLevel.GetSection("Default"), failures);
        foreach (var category in minimumLevel.GetSection("Override").GetChildren())
        {
            CheckLevel(category, failures);
        }

        return failures;
    }

    /// <summary>Builds the process logger. The caller has validated the levels and the "Log" options.</summary>
    /// <param name="consoleOverride">Where console output goes instead of stdout (in-process tests), or null.</param>
    public static Logger CreateLogger(
        IConfiguration configuration,
        ApplianceLoggingOptions options,
        ApplianceDataDirectory dataDirectory,
        TextWriter? consoleOverride)
    {
        // Naming the sink assemblies spares Serilog.Settings.Configuration a scan of every dependency at start-up.
        var readerOptions = new ConfigurationReaderOptions(
            typeof(ConsoleLoggerConfigurationExtensions).Assembly,
            typeof(FileLoggerConfigurationExtensions).Assembly)
        {
            SectionName = SectionName,
        };

        // The sinks sit behind Serilog.Sinks.Async: a caller (the media loop among them) only queues the event, and a
        // full queue drops events rather than stall a call. Disposing the logger drains the queue.
        var logConfiguration = new LoggerConfiguration()
            .ReadFrom.Configuration(configuration, readerOptions)
            .Enrich.FromLogContext()
            .WriteTo.Async(sinks => sinks.File(
                Path.Combine(dataDirectory.Resolve(options.Directory), "appliance-.log"),
                outputTemplate: FileTemplate,
                formatProvider: CultureInfo.InvariantCulture,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: options.RetainedFileCountLimit,
                fileSizeLimitBytes: options.FileSizeLimitMegabytes * 1024L * 1024L,
                rollOnFileSizeLimit: true));

        if (options.Console)
        {
            logConfiguration = consoleOverride is null
                ? logConfiguration.WriteTo.Async(sinks => sinks.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture))
                : logConfiguration.WriteTo.Async(sinks => sinks.Sink(
                    new TextWriterSink(consoleOverride, new MessageTemplateTextFormatter(ConsoleTemplate, CultureInfo.InvariantCulture))));
        }

        return logConfiguration.CreateLogger();
    }

    private static void CheckLevel(IConfigurationSection section, List<string> failures)
    {
        if (section.Value is { } value && !Enum.TryParse<LogEventLevel>(value, ignoreCase: true, out _))
        {
            failures.Add($"{section.Path}: '{value}' is not one of {string.Join(", ", Enum.GetNames<LogEventLevel>())}");
        }
    }
}
