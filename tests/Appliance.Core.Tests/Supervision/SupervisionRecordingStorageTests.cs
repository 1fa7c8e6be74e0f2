using Appliance.Core.Persistence;
using Appliance.Storage;
using Appliance.Telephony.Bridging;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Core.Tests.Supervision;

/// <summary>A supervised call's record lists, in SQLite, the call's recording and what each party heard.</summary>
public sealed class SupervisionRecordingStorageTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("supervision-storage-").FullName;
    private readonly SupervisionHarness _box = new();

    public void Dispose()
    {
        _box.Dispose();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_supervision_recording_is_stored_with_the_call_s_recordings()
    {
        var caller = _box.ConnectedCaller();
        await _box.Start(SupervisionMode.Whisper);
        _box.Calls.Run(TimeSpan.FromSeconds(1));
        caller.CallerHangsUp();
        var detail = _box.Calls.WaitForFinished().Detail;
        var database = new ApplianceDatabase(Path.Combine(_folder, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, new ManualTimeProvider());
        database.Migrate();

        new StoredCallRecordStore(database).SaveCall(detail);

        var stored = new RecordingRepository(database).ListByCall(detail.CallId);
        var heard = detail.SupervisionRecordings!.Single();
        Assert.Equal([(detail.Recording!.Path, 2), (heard.Path, 3)], stored.Select(r => (r.Path, r.Channels)));
        Assert.Equal((long)heard.Duration.TotalMilliseconds, stored[1].DurationMilliseconds);
        Assert.Equal(detail.Recording.Id, new CallRecordRepository(database).Get(detail.CallId)!.RecordingId);
    }
}
