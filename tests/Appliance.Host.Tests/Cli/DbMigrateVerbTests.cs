using System.Security.Cryptography;
using Appliance.Host.Cli;
using Appliance.Host.Tests.Support;
using Appliance.Storage;

namespace Appliance.Host.Tests.Cli;

public sealed class DbMigrateVerbTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Creates_the_database_then_finds_it_current()
    {
        var database = _data.File("appliance.db");
        var latest = ApplianceDatabase.SupportedSchemaVersion;

        var first = await CliRun.InvokeAsync(["db", "migrate", "--data", _data.Path]);
        var second = await CliRun.InvokeAsync(["db", "migrate", "--data", _data.Path]);

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Equal($"database {database}: schema version 0 -> {latest} (created)", first.Output.Trim());
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.Equal($"database {database}: schema version {latest} -> {latest} (already current)", second.Output.Trim());
    }

    [Fact]
    public async Task The_database_file_setting_is_honoured()
    {
        var result = await CliRun.InvokeAsync(["db", "migrate", "--data", _data.Path, "--set", "Storage:DatabaseFile=branch.db"]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.True(File.Exists(_data.File("branch.db")));
        Assert.False(File.Exists(_data.File("appliance.db")));
    }

    [Fact]
    public async Task A_corrupt_file_is_refused_with_the_storage_message_exit_3_and_left_unchanged()
    {
        var database = _data.File("appliance.db");
        var garbage = new byte[8192];
        new Random(42).NextBytes(garbage);
        await File.WriteAllBytesAsync(database, garbage);
        var before = SHA256.HashData(garbage);

        var result = await CliRun.InvokeAsync(["db", "migrate", "--data", _data.Path]);

        Assert.Equal(ExitCodes.StorageFailure, result.ExitCode);
        Assert.Contains(database, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(database)));
    }

    [Fact]
    public async Task An_invalid_storage_setting_exits_2_naming_it()
    {
        var result = await CliRun.InvokeAsync(["db", "migrate", "--data", _data.Path, "--set", "Storage:BusyTimeoutMilliseconds=-5"]);

        Assert.Equal(ExitCodes.InvalidConfiguration, result.ExitCode);
        Assert.StartsWith("Storage:BusyTimeoutMilliseconds: ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_data.File("appliance.db")));
    }
}
