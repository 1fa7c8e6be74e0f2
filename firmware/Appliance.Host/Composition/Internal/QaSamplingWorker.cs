using Appliance.Core.Quality;
using Microsoft.Extensions.Hosting;

namespace Appliance.Host.Composition.Internal;

/// <summary>Owns the weekly QA sampling loop for the host's lifetime; stopping the host cancels it and waits for it to end.</summary>
internal sealed class QaSamplingWorker(QaSamplingSchedule schedule) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => schedule.RunAsync(stoppingToken);
}
