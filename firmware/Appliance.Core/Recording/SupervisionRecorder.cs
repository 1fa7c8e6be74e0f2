using Appliance.Core.Journal;
using Appliance.Core.Recording.Internal;
using Appliance.Telephony.Bridging;

namespace Appliance.Core.Recording;

/// <summary>
/// Records what each party of a supervised call heard, one channel each: 1 the caller, 2 the agent, 3 the supervisor
/// (<see cref="BridgeParty"/>'s order), so quality staff and tests can tell who heard the supervisor in which mode. Fed
/// with the bridge's own per-party mixes; the media loop only interleaves a tick's three frames into one pooled buffer
/// and posts it when the next tick starts (or at the end); the file is written in the background.
/// A party sent something other than the mix in a tick (music on hold) has silence there.
/// </summary>
public sealed class SupervisionRecorder : IHeardAudioTap, IDisposable
{
    /// <summary>Channels in the file: caller heard, agent heard, supervisor heard.</summary>
    public const int Channels = 3;

    private readonly WavFilePump _pump;
    private readonly Task<RecordingInfo> _completion;
    private short[]? _tickBuffer;
    private int _tickFrames;
    private long _tick = -1;
    private long _samples;
    private bool _closed;

    internal SupervisionRecorder(string callId, string supervisionId, string path, TimeProvider time)
    {
        CallId = callId;
        SupervisionId = supervisionId;
        Path = path;
        StartedAt = time.GetUtcNow();
        _pump = new WavFilePump(path, Channels);
        _completion = _pump.ClosedAsync(callId, StartedAt);
    }

    /// <summary>The supervised call.</summary>
    public string CallId { get; }

    /// <summary>The supervision recorded.</summary>
    public string SupervisionId { get; }

    /// <summary>The WAV file.</summary>
    public string Path { get; }

    /// <summary>When recording began.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>How much audio is recorded so far, including the tick being gathered: where in the file what comes next goes.</summary>
    public TimeSpan Position => TimeSpan.FromSeconds((_samples + _tickFrames) / (double)WavFilePump.SampleRate);

    /// <summary>Whether the recorder has stopped taking audio.</summary>
    public bool IsClosed => _closed;

    /// <summary>Completes with the recording's details once the file is closed after <see cref="Dispose"/>.</summary>
    public Task<RecordingInfo> Completion => _completion;

    /// <inheritdoc />
    public void OnHeard(long tick, BridgeParty listener, ReadOnlySpan<short> frame)
    {
        if (_closed)
        {
            return;
        }

        if (tick != _tick || _tickBuffer is null)
        {
            PostTick();
            _tick = tick;
            _tickFrames = frame.Length;
            _tickBuffer = WavFilePump.Rent(frame.Length * Channels);
            Array.Clear(_tickBuffer, 0, frame.Length * Channels);
        }

        var buffer = _tickBuffer;
        var column = (int)listener;
        var frames = Math.Min(frame.Length, _tickFrames);
        for (var i = 0; i < frames; i++)
        {
            buffer[(i * Channels) + column] = frame[i];
        }
    }

    /// <summary>Stops taking audio; the file is closed in the background (see <see cref="Completion"/>).</summary>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        PostTick();
        _closed = true;
        _pump.Complete();
    }

    private void PostTick()
    {
        if (_tickBuffer is not { } buffer)
        {
            return;
        }

        _tickBuffer = null;
        Volatile.Write(ref _samples, _samples + _tickFrames);
        _pump.Post(buffer, _tickFrames * Channels);
        _tickFrames = 0;
    }
}
