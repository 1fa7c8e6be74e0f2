using System.ComponentModel.DataAnnotations;
using Appliance.Host.Cli;
using Appliance.Host.Configuration;
using Appliance.Host.Hosting;
using Appliance.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Tests.Configuration;

public sealed class ConfigCheckTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Defaults_are_valid()
    {
        var result = await CliRun.InvokeAsync(["config", "check", "--data", _data.Path]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("configuration OK", result.Output.Trim());
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Every_failure_is_listed_by_setting_path_and_exits_2()
    {
        var file = _data.WriteFile("appliance.json", """{ "Board": { "Driver": "dahdi" }, "Log": { "RetainedFileCountLimit": 0 } }""");

        var result = await CliRun.InvokeAsync(
            ["config", "check", "--data", _data.Path, "--config", file, "--set", "Serilog:MinimumLevel:Override:Appliance=Loud"]);

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Equal(
            [
                "Board:Driver: 'dahdi' is not available in this build (available: simulated)",
                "Log:RetainedFileCountLimit: must be between 1 and 3650",
                "Serilog:MinimumLevel:Override:Appliance: 'Loud' is not one of Verbose, Debug, Information, Warning, Error, Fatal",
            ],
            result.ErrorLines);
        Assert.DoesNotContain("configuration OK", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("601")]
    public async Task A_board_watchdog_timeout_out_of_range_is_refused_by_name(string seconds)
    {
        var result = await CliRun.InvokeAsync(["config", "check", "--data", _data.Path, "--set", $"Watchdog:BoardTimeoutSeconds={seconds}"]);

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Equal(["Watchdog:BoardTimeoutSeconds: must be between 0 and 600"], result.ErrorLines);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_the_setting_and_the_kind_of_value_wanted()
    {
        var result = await CliRun.InvokeAsync(
            ["config", "check", "--data", _data.Path, "--set", "Log:FileSizeLimitMegabytes=lots", "--set", "Log:Console=maybe"]);

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Matches(@"^Log:(FileSizeLimitMegabytes: 'lots' is not a whole number|Console: 'maybe' is not true or false)$", result.ErrorLines[0]);
    }

    [Fact]
    public async Task Options_registered_by_other_components_are_checked_with_their_full_path()
    {
        var result = await CliRun.InvokeAsync(
            ["config", "check", "--data", _data.Path, "--set", "Board:Simulated:LineCount=40", "--set", "Board:Simulated:Trunks:1:Name=",
             "--set", "Board:Simulated:Trunks:0:Name=pstn"],
            customizeLaunch: launch => launch with { IncludeComposition = false, ConfigureServices = AddSampleOptions });

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Equal(
            [
                "Board:Simulated:Country: 'XX' is not a supported country",
                "Board:Simulated:LineCount: must be between 1 and 32",
                "Board:Simulated:Trunks:1:Name: is required",
            ],
            result.ErrorLines);
    }

    [Fact]
    public async Task An_environment_variable_can_make_the_configuration_invalid()
    {
        var result = await CliRun.InvokeAsync(
            ["config", "check", "--data", _data.Path],
            new Dictionary<string, string?> { ["APPLIANCE_Board__Driver"] = "fxo-card" });

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("Board:Driver: 'fxo-card' is not available in this build (available: simulated)", result.ErrorLines);
    }

    [Fact]
    public async Task Run_with_an_invalid_setting_exits_2_before_starting_anything()
    {
        var result = await CliRun.InvokeAsync(["run", "--data", _data.Path, "--set", "Board:Driver=x"]);

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("Board:Driver: 'x' is not available in this build (available: simulated)", result.ErrorLines);
        Assert.DoesNotContain("Appliance ready", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_data.SocketPath));
    }

    private static void AddSampleOptions(IServiceCollection services)
    {
        services.AddApplianceOptions<SampleBoardOptions>("Board:Simulated");
        services.AddSingleton<IValidateOptions<SampleBoardOptions>, SampleCountryValidator>();
    }

    /// <summary>Shaped like another component's options: ranges, a nested list, and its own validator.</summary>
    public sealed class SampleBoardOptions
    {
        [Range(1, 32)]
        public int LineCount { get; set; } = 4;

        public string Country { get; set; } = "XX";

        public List<SampleTrunk> Trunks { get; set; } = [];
    }

    public sealed class SampleTrunk
    {
        [Required]
        public string? Name { get; set; }
    }

    private sealed class SampleCountryValidator : IValidateOptions<SampleBoardOptions>
    {
        // Relative key, as a component author would naturally write it: the host adds the section path.
        public ValidateOptionsResult Validate(string? name, SampleBoardOptions options) =>
            options.Country == "CN" ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail($"Country: '{options.Country}' is not a supported country");
    }
}
