using Appliance.Core.Directory;
using Appliance.Core.Journal;
using Appliance.Core.Persistence;
using Appliance.Core.Recording;
using Appliance.Core.Tests.Fakes;
using Appliance.Storage;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Tests.Recordings;

/// <summary>A real SQLite database and recordings folder holding finished calls stored the way the journal stores them.</summary>
internal sealed class RecordingArchive : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("recording-archive-").FullName;

    public RecordingArchive()
    {
        Database = new ApplianceDatabase(Path.Combine(_folder, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, Clock);
        Database.Migrate();
        Root = Path.Combine(_folder, "recordings");
        Compliance = new RecordingComplianceRepository(Database);
    }

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public ApplianceDatabase Database { get; }

    public string Root { get; }

    public RecordingComplianceRepository Compliance { get; }

    public InMemoryDirectory Directory { get; } = new();

    public RecordingOptions Options { get; } = new() { DefaultRetentionDays = 30, PurgeBatchSize = 3 };

    /// <summary>Stores a finished call of <paramref name="queue"/> with a recording file that began <paramref name="daysAgo"/> days ago.</summary>
    public string AddCall(string callId, string? queue, double daysAgo)
    {
        var started = Clock.GetUtcNow().AddDays(-daysAgo);
        var path = Path.Combine(Root, started.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture), callId + ".wav");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var audio = new byte[1_000];
        new Random(callId.GetHashCode(StringComparison.Ordinal)).NextBytes(audio);
        File.WriteAllBytes(path, audio);
        var recording = new RecordingInfo(callId, callId, path, started, TimeSpan.FromSeconds(1), 2, 8000, audio.Length);
        new StoredCallRecordStore(Database).SaveCall(new CallDetail(
            callId, 1, "analog", "5551234", null, started, started, started.AddSeconds(1), "main", queue, "agent-1", "answered",
            TimeSpan.Zero, TimeSpan.FromSeconds(1), "caller", recording));
        return path;
    }

    /// <summary>
    /// A call still running as the box leaves it mid-call: its events logged, its recording file (and that of what the
    /// parties of a supervision heard, when <paramref name="supervision"/> is given) being written, no call record or row yet.
    /// </summary>
    public string StartCall(string callId, string? supervision = null)
    {
        var now = Clock.GetUtcNow();
        var folder = Path.Combine(Root, now.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture));
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, callId + ".wav");
        File.WriteAllBytes(path, new byte[600]);
        if (supervision is not null)
        {
            File.WriteAllBytes(Path.Combine(folder, $"{callId}.{supervision}.wav"), new byte[300]);
        }

        new EventLogRepository(Database).Append(
            [new(now, callId, CallEventKinds.CallStart), new(now, callId, CallEventKinds.Answer), new(now, callId, CallEventKinds.Connect, "cards", "agent-1")]);
        return path;
    }

    /// <summary>Ends a call <see cref="StartCall"/> began: its recording row, chain link and call record are stored.</summary>
    public void EndCall(string callId, string path)
    {
        var started = Clock.GetUtcNow();
        var recording = new RecordingInfo(callId, callId, path, started, TimeSpan.FromSeconds(1), 2, 8000, new FileInfo(path).Length);
        new StoredCallRecordStore(Database).SaveCall(new CallDetail(
            callId, 1, "analog", "5551234", null, started, started, started.AddSeconds(1), "main", "cards", "agent-1", "answered",
            TimeSpan.Zero, TimeSpan.FromSeconds(1), "caller", recording));
    }

    /// <summary>
    /// A recording row as the firmware before the hash chain left it, <paramref name="daysAgo"/> days before now: no file
    /// hash, no chain link (raw SQL, as today's repository always chains what it stores). Returns the file's path.
    /// </summary>
    public string AddUnchained(string id, double daysAgo, bool withFile = true)
    {
        var started = Clock.GetUtcNow().AddDays(-daysAgo);
        var path = Path.Combine(Root, started.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture), id + ".wav");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (withFile)
        {
            File.WriteAllBytes(path, new byte[400]);
        }

        using var connection = Database.OpenConnection();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO recordings (id, call_id, path, started_at, duration_ms, channels, sample_rate, bytes) "
            + "VALUES ($id, $id, $path, $at, 1000, 2, 8000, 400);";
        insert.Parameters.AddWithValue("$id", id);
        insert.Parameters.AddWithValue("$path", path);
        insert.Parameters.AddWithValue("$at", started.ToUnixTimeMilliseconds());
        insert.ExecuteNonQuery();
        return path;
    }

    public void SetRetention(string queue, int? days) =>
        Directory.Queues[queue] = new QueueDefinition(queue, TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(5), TimeSpan.Zero, []) { RetentionDays = days };

    public RecordingPurge Purge() =>
        new(Compliance, Directory, Microsoft.Extensions.Options.Options.Create(Options), Clock, NullLogger<RecordingPurge>.Instance);

    public RecordingVerification Verify() => new RecordingVerifier(Compliance, Root, Clock).Verify();

    public void Dispose()
    {
        Database.Dispose();
        System.IO.Directory.Delete(_folder, recursive: true);
    }
}
