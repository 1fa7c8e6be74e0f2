using Appliance.Core.Supervision;
using Microsoft.Extensions.Hosting;

namespace Appliance.Host.Composition;

/// <summary>
/// Ends every supervision at shutdown (supervisors' phones hung up, SUPERVISE_END logged) and waits for their flows.
/// Registered after <see cref="CallCenterStartup"/>, so it stops first, while the media clock still ticks.
/// </summary>
internal sealed class SupervisionShutdown(SupervisionService supervision) : IHostedService
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => supervision.StopAllAsync().WaitAsync(Limit, cancellationToken);
}
