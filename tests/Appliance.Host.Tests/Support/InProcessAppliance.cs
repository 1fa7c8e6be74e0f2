using Appliance.Host.Control;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Host.Tests.Support;

/// <summary>
/// Runs <c>appliance run</c> through the real CLI entry point inside the test process, with fakes registered after every
/// other service, and stops it the way SIGTERM would.
/// </summary>
internal sealed class InProcessAppliance : IAsyncDisposable
{
    // A safety net for a hung start, not a wait for anything timed: start-up completes in well under a second.
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stop;
    private readonly Task<CliResult> _run;
    private CliResult? _result;

    private InProcessAppliance(TempDataDirectory data, WebApplication app, CancellationTokenSource stop, Task<CliResult> run)
    {
        Data = data;
        App = app;
        _stop = stop;
        _run = run;
        Client = new ControlClient(data.SocketPath);
    }

    public TempDataDirectory Data { get; }

    public WebApplication App { get; }

    public ControlClient Client { get; }

    public static async Task<InProcessAppliance> StartAsync(
        TempDataDirectory data,
        Action<IServiceCollection>? configureServices = null,
        IReadOnlyList<string>? extraArguments = null,
        bool includeComposition = false)
    {
        var ready = new TaskCompletionSource<WebApplication>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stop = new CancellationTokenSource();
        var run = CliRun.InvokeAsync(
            ["run", "--data", data.Path, .. extraArguments ?? []],
            customizeLaunch: launch => launch with
            {
                IncludeComposition = includeComposition,
                ConfigureServices = configureServices,
                Ready = app => ready.TrySetResult(app),
            },
            cancellationToken: stop.Token);

        var first = await Task.WhenAny(ready.Task, run).WaitAsync(StartLimit);
        if (first == run)
        {
            stop.Dispose();
            throw new InvalidOperationException($"the appliance exited instead of starting: {await run}");
        }

        return new InProcessAppliance(data, await ready.Task, stop, run);
    }

    /// <summary>Stops the appliance and returns what its CLI printed and exited with.</summary>
    public async Task<CliResult> StopAsync()
    {
        if (_result is null)
        {
            await _stop.CancelAsync();
            _result = await _run.WaitAsync(StartLimit);
        }

        return _result;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Client.Dispose();
        _stop.Dispose();
    }
}
