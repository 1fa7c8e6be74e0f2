using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Appliance.IntegrationTests;

/// <summary>Bad input at start: each is refused with a message that names the problem, and nothing stored is touched.</summary>
public sealed class StartupRefusalTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "appliance-refusal-" + Guid.NewGuid().ToString("N"));

    public StartupRefusalTests() => Directory.CreateDirectory(_data);

    [Fact]
    public async Task An_invalid_setting_stops_the_start_and_names_the_setting()
    {
        var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync("run", "--data", _data, "--set", "Board:Simulated:LineCount=0");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Board:Simulated:LineCount", stdout + stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data, "appliance.db")));
    }

    [Fact]
    public async Task A_corrupt_database_file_is_refused_and_left_untouched()
    {
        var path = Path.Combine(_data, "appliance.db");
        var garbage = RandomNumberGenerator.GetBytes(64 * 1024);
        await File.WriteAllBytesAsync(path, garbage);

        var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync("run", "--data", _data);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("appliance.db", stdout + stderr, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_database_from_newer_firmware_is_refused_and_left_untouched()
    {
        var path = Path.Combine(_data, "appliance.db");
        var (migrateExit, _, _) = await ApplianceProcess.RunVerbAsync("db", "migrate", "--data", _data);
        Assert.Equal(0, migrateExit);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE; PRAGMA user_version=999;";
            command.ExecuteNonQuery();
        }

        var before = await File.ReadAllBytesAsync(path);
        var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync("run", "--data", _data);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("newer", stdout + stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
