using System.Text.Json;
using Appliance.Host.Cli;
using Appliance.Host.Control;
using Appliance.Host.Tests.Support;
using Appliance.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Appliance.Host.Tests.Hosting;

public sealed class StartFailureTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_refused_database_at_start_exits_3_with_the_storage_message_and_leaves_no_socket()
    {
        var result = await RunWithFailingStartAsync(new StorageException(
            StorageFailure.NewerSchema, "appliance.db was written by newer firmware (schema 9, this firmware knows 1)"));

        Assert.Equal(ExitCodes.StorageFailure, result.ExitCode);
        Assert.Contains("the appliance failed to start: appliance.db was written by newer firmware", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Appliance ready", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_data.SocketPath));
    }

    [Fact]
    public async Task Any_other_start_failure_exits_1_and_the_next_start_works()
    {
        var result = await RunWithFailingStartAsync(new InvalidOperationException("line card not found"));

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("the appliance failed to start: line card not found", result.Error, StringComparison.Ordinal);

        await using var next = await InProcessAppliance.StartAsync(_data);
        Assert.Contains("\"processId\"", await next.Client.GetStatusJsonAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_sections_are_not_built_before_the_components_have_started()
    {
        // Sections reach into the call center, which builds on a database its hosted service prepares at start.
        var built = 0;
        await using var appliance = await InProcessAppliance.StartAsync(_data, services =>
            services.AddSingleton<IStatusSection>(_ =>
            {
                Interlocked.Increment(ref built);
                return new FakeStatusSection("lines", () => new { total = 4 });
            }));

        Assert.Equal(0, Volatile.Read(ref built));
        using var status = JsonDocument.Parse(await appliance.Client.GetStatusJsonAsync());
        Assert.Equal(4, status.RootElement.GetProperty("sections").GetProperty("lines").GetProperty("total").GetInt32());
        Assert.Equal(1, Volatile.Read(ref built));
    }

    private Task<CliResult> RunWithFailingStartAsync(Exception failure) =>
        CliRun.InvokeAsync(
            ["run", "--data", _data.Path],
            customizeLaunch: launch => launch with
            {
                IncludeComposition = false,
                ConfigureServices = services => services.AddHostedService(_ => new FailingService(failure)),
            });

    private sealed class FailingService(Exception failure) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromException(failure);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
