using Appliance.Core.Recording;
using Appliance.Host.Cli;
using Appliance.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Host.Tests.Recordings;

/// <summary>The recordings disk alarm in <c>appliance status</c>, with the appliance's whole composition and a probe that says the disk is full.</summary>
public sealed class RecordingDiskStatusTests : IAsyncLifetime
{
    private readonly TempDataDirectory _data = new();
    private readonly FullDisk _disk = new();
    private InProcessAppliance _appliance = null!;

    public async Task InitializeAsync() => _appliance = await InProcessAppliance.StartAsync(
        _data, services => services.AddSingleton<IFreeSpaceProbe>(_disk), ["--set", "Sip:Transport:Port=0", "--set", "Recordings:MinFreeMegabytes=512"], includeComposition: true);

    public async Task DisposeAsync()
    {
        await _appliance.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Status_shows_the_alarm_while_recording_is_suspended_and_not_once_space_returns()
    {
        var guard = _appliance.App.Services.GetRequiredService<RecordingDiskGuard>();
        guard.Check(); // the worker checked at start too; this one is certainly after the probe said 10 MB

        var full = await CliRun.InvokeAsync(["status", "--data", _data.Path]);
        Assert.Equal(ExitCodes.Ok, full.ExitCode);
        Assert.Contains("\"alarm\": \"RECORDING_SUSPENDED\"", full.Output, StringComparison.Ordinal);
        Assert.Contains("10 MB free on the recordings disk, below the floor of 512 MB", full.Output, StringComparison.Ordinal);

        _disk.Bytes = 100_000L * 1024 * 1024;
        guard.Check();
        var fine = await CliRun.InvokeAsync(["status", "--data", _data.Path]);
        Assert.DoesNotContain("RECORDING_SUSPENDED", fine.Output, StringComparison.Ordinal);
        Assert.Contains("\"freeMegabytes\": 100000", fine.Output, StringComparison.Ordinal);
    }

    private sealed class FullDisk : IFreeSpaceProbe
    {
        public long Bytes { get; set; } = 10L * 1024 * 1024;

        public long AvailableBytes(string directory) => Bytes;
    }
}
