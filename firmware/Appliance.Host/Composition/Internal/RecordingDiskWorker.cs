using Appliance.Core.Recording;
using Microsoft.Extensions.Hosting;

namespace Appliance.Host.Composition.Internal;

/// <summary>Owns the recordings disk check for the host's lifetime; stopping the host cancels it and waits for it to end.</summary>
internal sealed class RecordingDiskWorker(RecordingDiskGuard guard) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => guard.RunAsync(stoppingToken);
}
