using Appliance.Core.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Appliance.Host.Composition;

/// <summary>
/// Ends every supervision at shutdown (supervisors' phones hung up, SUPERVISE_END logged) and waits for their flows.
/// Registered after <see cref="CallCenterStartup"/>, so it stops first, while the media clock still ticks.
/// </summary>
/// <remarks>
/// The service is resolved only at stop: hosted services are built before any of them starts, and building the
/// supervision service then would build the agent roster before <see cref="CallCenterStartup"/> loads the configuration.
/// </remarks>
internal sealed class SupervisionShutdown(IServiceProvider services) : IHostedService
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<SupervisionService>().StopAllAsync().WaitAsync(Limit, cancellationToken);
}
