using Appliance.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using StoredCall = Appliance.Storage.CallRecord;

namespace Appliance.Sync.Tests.Compat;

/// <summary>
/// The branch of the wire recording: its id and keys, and the box database its report service answered from (three
/// calls on 2026-01-05), so a replay can be answered from the same data and compared with the recorded answer.
/// </summary>
internal sealed class CompatBranch : IDisposable
{
    public const string BranchId = "compat-br";
    public const string BranchKey = "compat-branch-key-0123456789";
    public const string HeadOfficeKey = "compat-head-office-key-0123456789";
    public static readonly DateTimeOffset Nine = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("compat-box-");

    public CompatBranch(TimeProvider? time = null)
    {
        Database = new ApplianceDatabase(Path.Combine(_folder.FullName, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, time ?? TimeProvider.System);
        Database.Migrate();
    }

    public ApplianceDatabase Database { get; }

    /// <summary>Logs the calls and their queue events the report calls of the recording are answered from.</summary>
    public void SeedReports()
    {
        var log = new EventLogRepository(Database);
        void Add(double seconds, string call, string kind, string? agent, string data) =>
            log.Append([new CallEventRecord(Nine.AddSeconds(seconds), call, kind, "vip", agent, data)]);

        Add(0, "c1", "ENTERQUEUE", null, """{"position":1}""");
        Add(10, "c1", "CONNECT", "a1", """{"holdtime":10}""");
        Add(130, "c1", "COMPLETECALLER", "a1", """{"holdtime":10,"talktime":120}""");
        Add(300, "c2", "ENTERQUEUE", null, """{"position":1}""");
        Add(330, "c2", "CONNECT", "a1", """{"holdtime":30}""");
        Add(450, "c2", "COMPLETEAGENT", "a1", """{"holdtime":30,"talktime":120}""");
        Add(600, "c3", "ENTERQUEUE", null, """{"position":1}""");
        Add(640, "c3", "ABANDON", null, """{"position":1,"waittime":40}""");

        var calls = new CallRecordRepository(Database);
        calls.Insert(new StoredCall("c1", 1, "analog", "138****0000", null, Nine, Nine, Nine.AddSeconds(130), "main", "vip", "a1", "answered-by-agent", 10_000, 120_000, "caller", "rec-1"));
        calls.Insert(new StoredCall("c2", 2, "analog", null, null, Nine.AddSeconds(300), Nine.AddSeconds(300), Nine.AddSeconds(450), "main", "vip", "a1", "answered-by-agent", 30_000, 120_000, "agent", null));
        calls.Insert(new StoredCall("c3", 1, "analog", null, null, Nine.AddSeconds(600), Nine.AddSeconds(600), Nine.AddSeconds(640), "main", "vip", null, "abandoned", 40_000, null, "caller", null));
    }

    public void Dispose()
    {
        Database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
