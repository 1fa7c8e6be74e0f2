using Appliance.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Control.Internal;

/// <summary>Assembles the <see cref="StatusReport"/> from the process facts and every registered <see cref="IStatusSection"/>.</summary>
internal sealed class StatusReporter
{
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly ApplianceDataDirectory _dataDirectory;
    private readonly ILogger<StatusReporter> _logger;
    private readonly long _startTimestamp;

    public StatusReporter(
        IServiceProvider services,
        TimeProvider time,
        ApplianceDataDirectory dataDirectory,
        ILogger<StatusReporter> logger)
    {
        _services = services;
        _time = time;
        _dataDirectory = dataDirectory;
        _logger = logger;
        StartedAt = time.GetUtcNow();
        _startTimestamp = time.GetTimestamp();
    }

    public DateTimeOffset StartedAt { get; }

    public StatusReport GetReport()
    {
        var sections = new Dictionary<string, object?>(StringComparer.Ordinal);
        // Resolved per report, not in the constructor: sections depend on the whole call center, which must be built
        // in its own start order (database first), and the reporter itself exists from the very start.
        foreach (var section in _services.GetServices<IStatusSection>())
        {
            // Two sections with one name would otherwise silently hide one of them.
            var key = section.Name;
            for (var suffix = 2; sections.ContainsKey(key); suffix++)
            {
                key = $"{section.Name}-{suffix}";
            }

            sections[key] = ReadSection(section);
        }

        return new StatusReport(
            VersionInfo.Current.Version,
            StartedAt,
            Math.Round(_time.GetElapsedTime(_startTimestamp).TotalSeconds, 3),
            _dataDirectory.Path,
            Environment.ProcessId,
            sections);
    }

    // One broken section must not take the whole status (and so the technician's view of everything else) down.
    private object? ReadSection(IStatusSection section)
    {
        try
        {
            return section.GetStatus();
        }
        catch (Exception ex)
        {
            ControlLog.StatusSectionFailed(_logger, section.Name, ex);
            return new Dictionary<string, string> { ["error"] = ex.Message };
        }
    }
}
