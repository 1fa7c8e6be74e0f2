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

    public void SetRetention(string queue, int? days) =>
        Directory.Queues[queue] = new QueueDefinition(queue, TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(5), TimeSpan.Zero, []) { RetentionDays = days };

    public RecordingPurge Purge() =>
        new(Compliance, Directory, Microsoft.Extensions.Options.Options.Create(Options), Clock, NullLogger<RecordingPurge>.Instance);

    public RecordingVerification Verify() => new RecordingVerifier(Compliance, Root).Verify();

    public void Dispose()
    {
        Database.Dispose();
        System.IO.Directory.Delete(_folder, recursive: true);
    }
}
