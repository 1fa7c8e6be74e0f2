using System.Text.Json;
using Appliance.Core.Journal;
using Appliance.Core.Recording.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Recording;

/// <summary>
/// Keeps the recordings disk from filling up, off the media loop: every <see cref="RecordingOptions.FreeSpaceCheckSeconds"/>
/// (on the injected <see cref="TimeProvider"/>) it reads the free space, and below <see cref="RecordingOptions.MinFreeMegabytes"/>,
/// or as soon as a recording write fails with "no space left", it suspends recording: calls go on unrecorded, running
/// recordings are closed with what they have, and the alarm is raised (RECORDING_SUSPENDED, an error log line, the
/// status). Once the floor plus <see cref="RecordingOptions.ResumeMarginMegabytes"/> is free it resumes (RECORDING_RESUMED).
/// </summary>
public sealed class RecordingDiskGuard
{
    private const long Megabyte = 1024 * 1024;
    private const int Enospc = 28; // Linux errno, the HResult .NET gives the IOException
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    private readonly RecordingService _recordings;
    private readonly IFreeSpaceProbe _probe;
    private readonly ICallJournal _journal;
    private readonly RecordingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private RecordingDiskStatus _status;

    public RecordingDiskGuard(
        RecordingService recordings, IFreeSpaceProbe probe, ICallJournal journal, IOptions<RecordingOptions> options, TimeProvider time, ILogger<RecordingDiskGuard> logger)
    {
        _recordings = recordings;
        _probe = probe;
        _journal = journal;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _status = new RecordingDiskStatus(false, null, null, null, _options.MinFreeMegabytes, null);
        recordings.WriteFailed += OnWriteFailed;
    }

    /// <summary>Raised after each check (suspended, resumed or neither) with the status it left.</summary>
    public event Action<RecordingDiskStatus>? Checked;

    /// <summary>The disk as last checked, and the alarm if recording is suspended.</summary>
    public RecordingDiskStatus Status => Volatile.Read(ref _status);

    /// <summary>Checks now and then every interval until <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.FreeSpaceCheckSeconds), _time);
        do
        {
            Check();
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Reads the free space once and suspends or resumes recording accordingly.</summary>
    public void Check()
    {
        long free;
        try
        {
            free = _probe.AvailableBytes(_recordings.Root);
        }
        catch (IOException ex)
        {
            RecordingDiskLog.ProbeFailed(_logger, ex.Message);
            Checked?.Invoke(Status);
            return;
        }

        var freeMegabytes = free / Megabyte;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var status = _status with { FreeMegabytes = freeMegabytes, CheckedAt = now };
            if (!status.Suspended && free < _options.MinFreeMegabytes * Megabyte)
            {
                Suspend(status, $"{freeMegabytes} MB free on the recordings disk, below the floor of {_options.MinFreeMegabytes} MB");
            }
            else if (status.Suspended && free >= (_options.MinFreeMegabytes + (long)_options.ResumeMarginMegabytes) * Megabyte)
            {
                Resume(status, freeMegabytes);
            }
            else
            {
                Volatile.Write(ref _status, status);
            }
        }

        Checked?.Invoke(Status);
    }

    /// <summary>Whether <paramref name="error"/> says the disk is full (ENOSPC; ERROR_DISK_FULL on Windows).</summary>
    internal static bool IsDiskFull(IOException error) => error.HResult is Enospc or WindowsDiskFull or WindowsHandleDiskFull;

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    // Called on a recording's writing thread: the alarm is raised there and then, not at the next check.
    private void OnWriteFailed(string path, IOException error)
    {
        RecordingDiskLog.WriteFailed(_logger, path, error.Message);
        if (!IsDiskFull(error))
        {
            return;
        }

        lock (_gate)
        {
            if (!_status.Suspended)
            {
                Suspend(_status, $"writing {Path.GetFileName(path)} failed: {error.Message}");
            }
        }
    }

    private void Suspend(RecordingDiskStatus status, string reason)
    {
        var now = _time.GetUtcNow();
        Volatile.Write(ref _status, status with { Suspended = true, Reason = reason, Since = now });
        var cut = _recordings.Suspend();
        RecordingDiskLog.Suspended(_logger, reason, cut);
        Alarm(now, CallEventKinds.RecordingSuspended, new { reason, freeMb = status.FreeMegabytes, floorMb = _options.MinFreeMegabytes, cut });
    }

    private void Resume(RecordingDiskStatus status, long freeMegabytes)
    {
        var now = _time.GetUtcNow();
        var suspendedSeconds = (long)(now - (status.Since ?? now)).TotalSeconds;
        _recordings.Resume();
        Volatile.Write(ref _status, status with { Suspended = false, Reason = null, Since = null });
        RecordingDiskLog.Resumed(_logger, freeMegabytes, suspendedSeconds);
        Alarm(now, CallEventKinds.RecordingResumed, new { freeMb = freeMegabytes, suspendedSeconds });
    }

    private void Alarm(DateTimeOffset at, string kind, object data) =>
        _journal.Append(new CallEvent(at, "NONE", kind, null, null, JsonSerializer.Serialize(data, JsonSerializerOptions.Web)));
}
