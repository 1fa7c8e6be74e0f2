using Appliance.Host.Cli;
using Appliance.Host.Hosting;
using Appliance.Host.Tests.Support;

namespace Appliance.Host.Tests.Web;

/// <summary>The Web section is checked at start like every other: bad values are named, a non-loopback address refused.</summary>
public sealed class WebOptionsTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    // The Web section is registered by the composition, which CliRun leaves out unless asked.
    private static ApplianceLaunch WithComposition(ApplianceLaunch launch) => launch with { IncludeComposition = true };

    [Fact]
    public async Task Every_bad_web_setting_is_named_and_exits_2()
    {
        var result = await CliRun.InvokeAsync(
        [
            "config", "check", "--data", _data.Path,
            "--set", "Web:Enabled=true", "--set", "Web:ListenAddress=0.0.0.0", "--set", "Web:Port=70000",
            "--set", "Web:PreviousCalls=51", "--set", "Web:NonceLifetimeSeconds=1",
        ], customizeLaunch: WithComposition);

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Equal(
            [
                "Web:ListenAddress: '0.0.0.0' must be a loopback IP address, e.g. 127.0.0.1",
                "Web:NonceLifetimeSeconds: must be between 10 and 3600",
                "Web:Port: must be between 1 and 65535",
                "Web:PreviousCalls: must be between 0 and 50",
            ],
            result.ErrorLines.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task A_loopback_listener_is_accepted(string address)
    {
        var result = await CliRun.InvokeAsync(
            ["config", "check", "--data", _data.Path, "--set", "Web:Enabled=true", "--set", $"Web:ListenAddress={address}"], customizeLaunch: WithComposition);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
    }
}
