using Appliance.Host.Cli;
using Appliance.Host.Hosting;
using Appliance.Host.Tests.Support;

namespace Appliance.Host.Tests.Configuration;

public sealed class SimulatedCalleeSettingsTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    // The board's settings belong to the composition, which CliRun leaves out by default.
    private static ApplianceLaunch WithComposition(ApplianceLaunch launch) => launch;

    [Fact]
    public async Task A_callee_declared_with_set_options_is_valid()
    {
        var result = await CliRun.InvokeAsync(
        [
            "config", "check", "--data", _data.Path,
            "--set", "Board:Simulated:Callees:0:Number=5551234", "--set", "Board:Simulated:Callees:0:AnswerAfterRings=2",
            "--set", "Board:Simulated:Callees:0:ToneHz=1400", "--set", "Board:Simulated:Callees:1:Number=5550000",
            "--set", "Board:Simulated:Callees:1:Behavior=Busy",
        ],
        customizeLaunch: WithComposition);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
    }

    [Fact]
    public async Task A_bad_callee_is_named_by_its_index()
    {
        var result = await CliRun.InvokeAsync(
        [
            "config", "check", "--data", _data.Path,
            "--set", "Board:Simulated:Callees:0:Number=5551234", "--set", "Board:Simulated:Callees:1:Number=555-0000",
        ],
        customizeLaunch: WithComposition);

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("Board:Simulated:Callees:1: Callee number '555-0000' must be 1 to 20 digits 0-9", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Callees:0", result.Error, StringComparison.Ordinal);
    }
}
