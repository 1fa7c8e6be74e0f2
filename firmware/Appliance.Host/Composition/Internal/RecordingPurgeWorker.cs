using Appliance.Core.Recording;
using Microsoft.Extensions.Hosting;

namespace Appliance.Host.Composition.Internal;

/// <summary>Owns the purge loop for the host's lifetime; stopping the host cancels it and waits for it to end.</summary>
internal sealed class RecordingPurgeWorker(RecordingPurge purge) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => purge.RunAsync(stoppingToken);
}
