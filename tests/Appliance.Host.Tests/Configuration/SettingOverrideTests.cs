using Appliance.Host.Cli;
using Appliance.Host.Configuration;
using Appliance.Host.Tests.Support;

namespace Appliance.Host.Tests.Configuration;

public sealed class SettingOverrideTests
{
    [Theory]
    [InlineData("Board:Driver=simulated", "Board:Driver", "simulated")]
    [InlineData("Storage:DatabaseFile=a=b.db", "Storage:DatabaseFile", "a=b.db")]
    [InlineData("Board:Simulated:Country=", "Board:Simulated:Country", "")]
    [InlineData(" Log:Console =false", "Log:Console", "false")]
    public void Parses_key_and_value(string text, string key, string value)
    {
        var parsed = SettingOverride.Parse(text);

        Assert.Equal(key, parsed.Key);
        Assert.Equal(value, parsed.Value);
    }

    [Theory]
    [InlineData("Board:Driver")]
    [InlineData("=simulated")]
    [InlineData(":Driver=x")]
    [InlineData("Board:=x")]
    [InlineData("Board::Driver=x")]
    public void Refuses_text_that_is_not_a_setting(string text)
    {
        var error = Assert.Throws<ConfigurationFileException>(() => SettingOverride.Parse(text));

        Assert.Contains($"--set '{text}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_set_on_the_command_line_exits_2_naming_it()
    {
        using var data = new TempDataDirectory();

        var result = await CliRun.InvokeAsync(["config", "check", "--data", data.Path, "--set", "Board.Driver"]);

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("--set 'Board.Driver': expected Section:Key=value", result.Error, StringComparison.Ordinal);
    }
}
