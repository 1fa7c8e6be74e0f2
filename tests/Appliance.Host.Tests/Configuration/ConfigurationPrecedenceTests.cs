using System.Diagnostics;
using Appliance.Host.Cli;
using Appliance.Host.Configuration;
using Appliance.Host.Control;
using Appliance.Host.Hosting;
using Appliance.Host.Hosting.Internal;
using Appliance.Host.Logging;
using Appliance.Host.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Tests.Configuration;

public sealed class ConfigurationPrecedenceTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData(false, false, false, "appliance.ctl")]
    [InlineData(true, false, false, "from-file.ctl")]
    [InlineData(true, true, false, "from-env.ctl")]
    [InlineData(true, true, true, "from-set.ctl")]
    [InlineData(false, true, true, "from-set.ctl")]
    [InlineData(false, true, false, "from-env.ctl")]
    public async Task Each_source_overrides_the_ones_below_it(bool file, bool environment, bool set, string expected)
    {
        var configFile = file
            ? _data.WriteFile("appliance.json", """{ "Control": { "SocketFile": "from-file.ctl" } }""")
            : null;
        var variables = new Dictionary<string, string?>();
        if (environment)
        {
            variables["APPLIANCE_Control__SocketFile"] = "from-env.ctl";
        }

        IReadOnlyList<SettingOverride> overrides = set ? [SettingOverride.Parse("Control:SocketFile=from-set.ctl")] : [];

        var options = await ResolveAsync<ControlOptions>(new ApplianceConfigurationSources(configFile, overrides, variables));

        Assert.Equal(expected, options.SocketFile);
    }

    [Fact]
    public async Task A_later_set_wins_over_an_earlier_one()
    {
        var sources = new ApplianceConfigurationSources(
            null,
            [SettingOverride.Parse("Log:RetainedFileCountLimit=3"), SettingOverride.Parse("Log:RetainedFileCountLimit=5")],
            new Dictionary<string, string?>());

        var options = await ResolveAsync<ApplianceLoggingOptions>(sources);

        Assert.Equal(5, options.RetainedFileCountLimit);
    }

    [Fact]
    public void Environment_variables_without_the_appliance_prefix_are_ignored()
    {
        var variables = new Dictionary<string, string?>
        {
            ["Control__SocketFile"] = "unprefixed.ctl",
            ["ASPNETCORE_URLS"] = "http://0.0.0.0:5000",
            ["APPLIANCE_Board__Driver"] = "simulated",
        };

        var configuration = ApplianceConfigurationLoader.Load(new ApplianceConfigurationSources(null, [], variables));

        Assert.Null(configuration["Control:SocketFile"]);
        Assert.Null(configuration["URLS"]);
        Assert.Null(configuration["urls"]);
        Assert.Equal("simulated", configuration["Board:Driver"]);
    }

    [Fact]
    public void Embedded_defaults_set_Information_with_Microsoft_at_Warning_and_a_file_can_change_them()
    {
        var defaults = ApplianceConfigurationLoader.Load(new ApplianceConfigurationSources(null, [], new Dictionary<string, string?>()));
        Assert.Equal("Information", defaults["Serilog:MinimumLevel:Default"]);
        Assert.Equal("Warning", defaults["Serilog:MinimumLevel:Override:Microsoft"]);

        var file = _data.WriteFile("levels.json", """{ "Serilog": { "MinimumLevel": { "Default": "Debug" } } }""");
        var configured = ApplianceConfigurationLoader.Load(new ApplianceConfigurationSources(file, [], new Dictionary<string, string?>()));
        Assert.Equal("Debug", configured["Serilog:MinimumLevel:Default"]);
        Assert.Equal("Warning", configured["Serilog:MinimumLevel:Override:Microsoft"]);
    }

    [Fact]
    public void A_config_file_with_comments_and_trailing_commas_loads_like_the_framework_would()
    {
        var file = _data.WriteFile("commented.json", """
            {
              // The technician's note.
              "Board": { "Driver": "simulated", },
            }
            """);

        var configuration = ApplianceConfigurationLoader.Load(new ApplianceConfigurationSources(file, [], new Dictionary<string, string?>()));

        Assert.Equal("simulated", configuration["Board:Driver"]);
    }

    private async Task<T> ResolveAsync<T>(ApplianceConfigurationSources sources)
        where T : class
    {
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, sources.Environment);
        var launch = new ApplianceLaunch(new ApplianceDataDirectory(_data.Path), sources, console, Stopwatch.GetTimestamp())
        {
            IncludeComposition = false,
        };
        await using var app = ApplianceHostFactory.Build(ApplianceHostFactory.CreateBuilder(launch), launch);
        return app.Services.GetRequiredService<IOptions<T>>().Value;
    }
}
