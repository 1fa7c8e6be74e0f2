using Appliance.Host.Cli;
using Appliance.Host.Configuration;
using Appliance.Host.Tests.Support;

namespace Appliance.Host.Tests.Configuration;

public sealed class ConfigFileErrorTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_missing_config_file_is_named_and_exits_2()
    {
        var missing = _data.File("nowhere.json");

        var result = await CliRun.InvokeAsync(["config", "check", "--data", _data.Path, "--config", missing]);

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains($"configuration file {missing} does not exist", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("configuration OK", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_names_the_file_and_the_line()
    {
        var file = _data.WriteFile("broken.json", "{\n  \"Board\": {\n    \"Driver\": \"simulated\"\n  \n");

        var result = await CliRun.InvokeAsync(["config", "check", "--data", _data.Path, "--config", file]);

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains($"configuration file {file} is not valid JSON at line 5", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2, 3]", "must contain a JSON object at the top level")]
    [InlineData("""{ "Board": { "Driver": "a", "Driver": "b" } }""", "is not valid")]
    [InlineData("", "is not valid JSON")]
    public void Other_unusable_files_are_refused_with_the_file_named(string content, string expected)
    {
        var file = _data.WriteFile("odd.json", content);

        var error = Assert.Throws<ConfigurationFileException>(() =>
            ApplianceConfigurationLoader.Load(new ApplianceConfigurationSources(file, [], new Dictionary<string, string?>())));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_a_malformed_file_exits_2_without_creating_a_socket_or_logs()
    {
        var file = _data.WriteFile("broken.json", "{ nope");

        var result = await CliRun.InvokeAsync(["run", "--data", _data.Path, "--config", file]);

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains(file, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_data.SocketPath));
        Assert.False(Directory.Exists(_data.File("logs")));
    }

    [Theory]
    [InlineData("db migrate")]
    [InlineData("status")]
    [InlineData("agent password --agent 1001")]
    public async Task Verbs_that_read_settings_without_the_host_name_a_missing_config_file_and_exit_2(string verb)
    {
        var missing = _data.File("nowhere.json");

        var result = await CliRun.InvokeAsync([.. verb.Split(' '), "--data", _data.Path, "--config", missing]);

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains($"configuration file {missing} does not exist", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_data.File("appliance.db")));
    }

    [Theory]
    [InlineData("db migrate")]
    [InlineData("agent password --agent 1001")]
    public async Task Verbs_that_open_the_database_refuse_an_invalid_storage_setting_by_name(string verb)
    {
        var result = await CliRun.InvokeAsync([.. verb.Split(' '), "--data", _data.Path, "--set", "Storage:BusyTimeoutMilliseconds=-1"]);

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.Contains("Storage:BusyTimeoutMilliseconds", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_data.File("appliance.db")));
    }
}
