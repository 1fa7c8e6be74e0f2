using System.Globalization;
using System.Text.Json;
using Appliance.Core.Acd.Internal;
using Appliance.Core.Directory;
using Appliance.Core.Journal;
using Appliance.Core.Recording;
using Appliance.Core.Routing;
using Appliance.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Tests.Recordings;

/// <summary>
/// Disk full on the manual clock: below the free-space floor (or on a write that fails with ENOSPC) calls go on
/// unrecorded, running recordings are closed with what they have, RECORDING_SUSPENDED is raised; with space back
/// (floor plus margin) RECORDING_RESUMED and the next call is recorded again.
/// </summary>
public sealed class RecordingDiskGuardTests : IDisposable
{
    private const long Megabyte = 1024 * 1024;
    private static readonly AgentDefinition QuickAgent = new("1001", "Li Wei", "sim:1001;answer=2000;tone=1400");

    private readonly CallCenterHarness _harness = new(new InMemoryDirectory().WithQueue(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(10), QuickAgent));
    private readonly FakeFreeSpace _disk = new() { Bytes = 10_000 * Megabyte };
    private readonly RecordingDiskGuard _guard;

    public RecordingDiskGuardTests() => _guard = new RecordingDiskGuard(
        _harness.Recordings, _disk, _harness.Journal,
        Options.Create(new RecordingOptions { MinFreeMegabytes = 512, ResumeMarginMegabytes = 128, FreeSpaceCheckSeconds = 10 }),
        _harness.Time, NullLogger<RecordingDiskGuard>.Instance);

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Checks_on_the_clock_suspend_below_the_floor_and_resume_only_above_floor_plus_margin()
    {
        using var stop = new CancellationTokenSource();
        var checks = NextCheck();
        var run = _guard.RunAsync(stop.Token);
        await checks.WaitAsync(TimeSpan.FromSeconds(10)); // the first check runs at start
        Assert.False(_guard.Status.Suspended);
        Assert.Equal(10_000, _guard.Status.FreeMegabytes);

        _disk.Bytes = 100 * Megabyte;
        await AdvanceToNextCheckAsync();
        Assert.True(_guard.Status.Suspended);
        Assert.True(_harness.Recordings.IsSuspended);
        var suspended = Assert.Single(_harness.Journal.Events, e => e.Kind == CallEventKinds.RecordingSuspended);
        Assert.Equal("NONE", suspended.CallId);
        using (var data = JsonDocument.Parse(suspended.Data!))
        {
            Assert.Equal("100 MB free on the recordings disk, below the floor of 512 MB", data.RootElement.GetProperty("reason").GetString());
            Assert.Equal(512, data.RootElement.GetProperty("floorMb").GetInt32());
        }

        _disk.Bytes = 600 * Megabyte; // above the floor, not above floor + margin: no flapping
        await AdvanceToNextCheckAsync();
        Assert.True(_guard.Status.Suspended);

        _disk.Bytes = 700 * Megabyte;
        await AdvanceToNextCheckAsync();
        Assert.False(_guard.Status.Suspended);
        Assert.False(_harness.Recordings.IsSuspended);
        var resumed = Assert.Single(_harness.Journal.Events, e => e.Kind == CallEventKinds.RecordingResumed);
        Assert.Equal(20, JsonDocument.Parse(resumed.Data!).RootElement.GetProperty("suspendedSeconds").GetInt32());
        Assert.Single(_harness.Journal.Events, e => e.Kind == CallEventKinds.RecordingSuspended);

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_call_connected_while_suspended_goes_on_unrecorded_and_the_next_one_after_resuming_is_recorded()
    {
        _disk.Bytes = 10 * Megabyte;
        _guard.Check();

        var unrecorded = TalkFor(TimeSpan.FromSeconds(5));
        Assert.Equal(CallOutcome.AnsweredByAgent, unrecorded.Outcome);
        Assert.InRange(unrecorded.Talk.TotalSeconds, 4.9, 5.1);
        Assert.Null(unrecorded.Recording);
        Assert.DoesNotContain(CallEventKinds.RecordingStart, _harness.Journal.KindsFor(unrecorded.CallId));
        Assert.False(System.IO.Directory.Exists(_harness.Recordings.Root) && System.IO.Directory.EnumerateFiles(_harness.Recordings.Root, "*.wav", SearchOption.AllDirectories).Any());

        _disk.Bytes = 1_000 * Megabyte;
        _guard.Check();
        var recorded = TalkFor(TimeSpan.FromSeconds(5), count: 2);
        Assert.NotNull(recorded.Recording);
        Assert.True(File.Exists(recorded.Recording.Path));
        Assert.InRange(recorded.Recording.Duration.TotalSeconds, 4.9, 5.1);
    }

    [Fact]
    public void A_recording_running_when_the_disk_fills_keeps_the_call_so_far_and_the_call_goes_on()
    {
        var caller = Connect();
        _harness.Run(TimeSpan.FromSeconds(3));
        _disk.Bytes = 0;
        _guard.Check();
        _harness.Run(TimeSpan.FromSeconds(3));
        caller.CallerHangsUp();

        var detail = _harness.WaitForFinished().Detail;
        Assert.Equal(CallOutcome.AnsweredByAgent, detail.Outcome);
        Assert.InRange(detail.Talk.TotalSeconds, 5.9, 6.1);
        Assert.NotNull(detail.Recording);
        Assert.InRange(detail.Recording.Duration.TotalSeconds, 2.9, 3.1);
        var end = Assert.Single(_harness.Journal.Events, e => e.CallId == detail.CallId && e.Kind == CallEventKinds.RecordingEnd);
        Assert.True(JsonDocument.Parse(end.Data!).RootElement.GetProperty("suspended").GetBoolean());
        Assert.Equal(1, JsonDocument.Parse(_harness.Journal.Events.Single(e => e.Kind == CallEventKinds.RecordingSuspended).Data!).RootElement.GetProperty("cut").GetInt32());
    }

    [Fact]
    public void A_recording_file_that_cannot_be_written_for_lack_of_space_suspends_at_once_and_the_call_goes_unrecorded()
    {
        // A real ENOSPC: the call's recording file is a link to /dev/full, which refuses the WAV header.
        var session = new CallSession("call-full-1", new UndialledChannel("call-full-1", "13800138000"), 1, _harness.Journal, _harness.Time);
        var now = _harness.Time.GetUtcNow();
        var folder = Path.Combine(_harness.Recordings.Root, now.ToString("yyyy", CultureInfo.InvariantCulture), now.ToString("MM", CultureInfo.InvariantCulture), now.ToString("dd", CultureInfo.InvariantCulture));
        System.IO.Directory.CreateDirectory(folder);
        File.CreateSymbolicLink(Path.Combine(folder, "call-full-1.wav"), "/dev/full");

        using var recorder = _harness.Recordings.Start(session);

        Assert.False(recorder.IsRecording);
        Assert.True(_guard.Status.Suspended);
        Assert.StartsWith("writing call-full-1.wav failed: No space left on device", _guard.Status.Reason, StringComparison.Ordinal);
        Assert.Single(_harness.Journal.Events, e => e.Kind == CallEventKinds.RecordingSuspended);
        Assert.Equal(0, _disk.Calls); // raised by the failed write, not by a check
        Assert.False(_harness.Recordings.Start(session).IsRecording);
    }

    private async Task AdvanceToNextCheckAsync()
    {
        var checkedNow = NextCheck();
        _harness.Run(TimeSpan.FromSeconds(10));
        await checkedNow.WaitAsync(TimeSpan.FromSeconds(10));
    }

    // Completes once the guard has finished its next check (the periodic timer runs it on the thread pool).
    private Task NextCheck()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChecked(RecordingDiskStatus status)
        {
            _guard.Checked -= OnChecked;
            done.TrySetResult();
        }

        _guard.Checked += OnChecked;
        return done.Task;
    }

    private FakeCallerChannel Connect()
    {
        var caller = _harness.Call();
        caller.Press('1');
        Assert.True(_harness.Time.AdvanceUntil(() => _harness.CallCenter.ActiveCalls.Any(c => c.Agent is not null), TimeSpan.FromSeconds(30)));
        return caller;
    }

    private CallDetail TalkFor(TimeSpan talk, int count = 1)
    {
        var caller = Connect();
        _harness.Run(talk);
        caller.CallerHangsUp();
        return _harness.WaitForFinished(count).Detail;
    }

    private sealed class FakeFreeSpace : IFreeSpaceProbe
    {
        public long Bytes { get; set; }

        public int Calls { get; private set; }

        public long AvailableBytes(string directory)
        {
            Calls++;
            return Bytes;
        }
    }
}
