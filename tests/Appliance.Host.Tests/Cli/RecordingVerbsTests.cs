using System.Text.Json;
using Appliance.Core.Recording;
using Appliance.Host.Cli;
using Appliance.Host.Tests.Support;
using Appliance.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Host.Tests.Cli;

public sealed class RecordingVerbsTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private async Task<string> StoreCall(string callId)
    {
        Assert.Equal(ExitCodes.Ok, (await CliRun.InvokeAsync(["db", "migrate", "--data", _data.Path])).ExitCode);
        var path = Path.Combine(_data.Path, "recordings", "2026", "03", "01", callId + ".wav");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, [1, 2, 3, 4, 5, 6, 7, 8]);
        using var database = new ApplianceDatabase(_data.File("appliance.db"), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System);
        var at = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        new CallRecordRepository(database).Insert(
            new CallRecord(callId, 1, "analog", "5551234", null, at, at, at.AddMinutes(1), "main", "cards", "agent-7", "answered", 0, 60_000, "caller", callId));
        new RecordingRepository(database).Insert(new RecordingRecord(callId, callId, path, at, 60_000, 2, 8000, 8) { Sha256 = RecordingHash.OfFile(path) });
        return path;
    }

    [Fact]
    public async Task Verify_exits_0_when_intact_and_1_naming_the_changed_and_inserted_files()
    {
        var path = await StoreCall("call-1");
        var intact = await CliRun.InvokeAsync(["recordings", "verify", "--data", _data.Path]);
        Assert.Equal(ExitCodes.Ok, intact.ExitCode);
        Assert.Contains("intact: 1 chain links, 1 files checked, 0 problems, 0 in progress, 0 unchained", intact.Output, StringComparison.Ordinal);

        await File.WriteAllBytesAsync(path, [9, 9, 9]);
        var forged = Path.Combine(Path.GetDirectoryName(path)!, "forged.wav");
        await File.WriteAllBytesAsync(forged, [1]);
        var result = await CliRun.InvokeAsync(["recordings", "verify", "--data", _data.Path]);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains($"CHANGED {path}:", result.Output, StringComparison.Ordinal);
        Assert.Contains($"INSERTED {forged}:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_lists_a_running_calls_file_and_a_recording_from_before_the_chain_and_exits_0()
    {
        await StoreCall("call-1");
        var folder = Path.Combine(_data.Path, "recordings", "2026", "03", "01");
        var running = Path.Combine(folder, "20260301-093000-0badcafe.wav");
        await File.WriteAllBytesAsync(running, [1, 2]);
        var legacy = Path.Combine(_data.Path, "recordings", "2025", "12", "01", "old-1.wav");
        Directory.CreateDirectory(Path.GetDirectoryName(legacy)!);
        await File.WriteAllBytesAsync(legacy, [3, 4]);
        var now = DateTimeOffset.UtcNow;
        using (var database = new ApplianceDatabase(_data.File("appliance.db"), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System))
        {
            new EventLogRepository(database).Append([new(now, "20260301-093000-0badcafe", "CALL_START")]);
            using var connection = database.OpenConnection();
            using var insert = connection.CreateCommand();
            // As the firmware before the hash chain stored it: no hash, no chain link, started before the chain began.
            insert.CommandText = "INSERT INTO recordings (id, call_id, path, started_at, duration_ms, channels, sample_rate, bytes) "
                + $"VALUES ('old-1', 'old-1', '{legacy}', {now.AddDays(-90).ToUnixTimeMilliseconds()}, 1000, 2, 8000, 2);";
            insert.ExecuteNonQuery();
        }

        var result = await CliRun.InvokeAsync(["recordings", "verify", "--data", _data.Path]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains($"IN PROGRESS {running}: call 20260301-093000-0badcafe is still running", result.Output, StringComparison.Ordinal);
        Assert.Contains($"UNCHAINED {legacy}: recording old-1 started", result.Output, StringComparison.Ordinal);
        Assert.Contains("intact: 1 chain links, 1 files checked, 0 problems, 1 in progress, 1 unchained", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("INSERTED", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hold_and_release_a_stored_call_and_refuse_an_unknown_one()
    {
        await StoreCall("call-1");

        var unknown = await CliRun.InvokeAsync(["recordings", "hold", "no-such-call", "--data", _data.Path]);
        Assert.Equal(ExitCodes.RequestRefused, unknown.ExitCode);
        Assert.Contains("no call 'no-such-call'", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, (await CliRun.InvokeAsync(["recordings", "hold", "call-1", "--data", _data.Path])).ExitCode);
        using (var database = new ApplianceDatabase(_data.File("appliance.db"), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System))
        {
            var compliance = new RecordingComplianceRepository(database);
            Assert.True(compliance.IsHeld("call-1"));
            Assert.False(compliance.IsHeld("no-such-call"));
        }

        Assert.Equal(ExitCodes.Ok, (await CliRun.InvokeAsync(["recordings", "release", "call-1", "--data", _data.Path])).ExitCode);
        Assert.Equal(ExitCodes.RequestRefused, (await CliRun.InvokeAsync(["recordings", "release", "call-1", "--data", _data.Path])).ExitCode);
    }

    [Fact]
    public async Task Export_writes_the_wav_and_metadata_and_refuses_to_overwrite()
    {
        var path = await StoreCall("call-1");
        var folder = Path.Combine(_data.Path, "export");

        var result = await CliRun.InvokeAsync(["recordings", "export", "call-1", folder, "--data", _data.Path]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(path), await File.ReadAllBytesAsync(Path.Combine(folder, "call-1.wav")));
        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "call-1.json")));
        Assert.Equal("agent-7", metadata.RootElement.GetProperty("agent").GetString());
        Assert.Equal("cards", metadata.RootElement.GetProperty("queue").GetString());
        var recording = metadata.RootElement.GetProperty("recordings")[0];
        Assert.Equal(RecordingHash.OfFile(path), recording.GetProperty("sha256").GetString());
        Assert.True(recording.GetProperty("intact").GetBoolean());

        var again = await CliRun.InvokeAsync(["recordings", "export", "call-1", folder, "--data", _data.Path]);
        Assert.Equal(ExitCodes.RequestRefused, again.ExitCode);
        Assert.Contains("exists already", again.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.RequestRefused, (await CliRun.InvokeAsync(["recordings", "export", "nope", folder, "--data", _data.Path])).ExitCode);
    }
}
