using System.Runtime.InteropServices;
using Appliance.Host.Cli;
using Appliance.Host.Control;
using Appliance.Host.Tests.Support;

namespace Appliance.Host.Tests.Cli;

public sealed class VersionVerbTests
{
    [Fact]
    public async Task Prints_version_informational_version_runtime_os_and_architecture()
    {
        var result = await CliRun.InvokeAsync(["version"]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var lines = result.Output.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.Matches(@"^appliance \d+\.\d+\.\d+$", lines[0]);
        Assert.StartsWith($"informational version: {lines[0]["appliance ".Length..]}", lines[1], StringComparison.Ordinal);
        Assert.Equal($"runtime: {RuntimeInformation.FrameworkDescription}", lines[2]);
        Assert.Equal($"os: {RuntimeInformation.OSDescription}", lines[3]);
        Assert.Equal($"architecture: {RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}", lines[4]);
    }

    [Fact]
    public async Task The_version_comes_from_the_build_properties()
    {
        var result = await CliRun.InvokeAsync(["version"]);

        // Directory.Build.props sets <Version>; the assembly attribute is what the verb must report.
        Assert.StartsWith($"appliance {VersionInfo.Current.Version}\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(typeof(VersionInfo).Assembly.GetName().Version!.ToString(3), VersionInfo.Current.Version);
    }

    [Fact]
    public async Task An_unknown_verb_is_a_usage_error_not_a_start()
    {
        using var data = new TempDataDirectory();

        var result = await CliRun.InvokeAsync(["strat", "--data", data.Path]);

        Assert.NotEqual(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("strat", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(data.SocketPath));
    }

    [Fact]
    public async Task Sim_call_checks_its_arguments_before_contacting_anything()
    {
        using var data = new TempDataDirectory();

        var result = await CliRun.InvokeAsync(["sim", "call", "--data", data.Path, "--line", "1", "--from", "100", "--digits", "12z"]);

        Assert.Equal(ExitCodes.RequestRefused, result.ExitCode);
        Assert.Contains("'z' at position 3", result.Error, StringComparison.Ordinal);
    }
}
