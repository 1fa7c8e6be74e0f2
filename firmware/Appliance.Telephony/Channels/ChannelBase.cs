using Appliance.Hal.Lines;
using Appliance.Telephony.Clock;

namespace Appliance.Telephony.Channels;

/// <summary>
/// What every channel technology shares: state, digit buffer, prompt playback and the two-phase media tick.
/// A technology supplies received audio and sends transmitted audio; the call flow sees only <see cref="IChannel"/>.
/// </summary>
public abstract class ChannelBase : IChannel, IMediaTickHandler
{
    private readonly short[] _received = new short[LineAudio.FrameSamples];
    private readonly short[] _transmit = new short[LineAudio.FrameSamples];
    private readonly Queue<char> _digits = new();
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<HangupCause> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DigitWait? _digitWait;
    private Playback? _playback;
    private long _tick;

    /// <summary>Creates a channel in the ringing state.</summary>
    protected ChannelBase(string id, string technology, string endpoint, CallerIdentity caller)
    {
        Id = id;
        Technology = technology;
        Endpoint = endpoint;
        Caller = caller;
        _answered.Task.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public string Technology { get; }

    /// <inheritdoc />
    public string Endpoint { get; }

    /// <inheritdoc />
    public ChannelState State { get; private set; } = ChannelState.Ringing;

    /// <inheritdoc />
    public CallerIdentity Caller { get; protected set; }

    /// <inheritdoc />
    public string? DialledNumber { get; init; }

    /// <inheritdoc />
    public string? Trunk { get; init; }

    /// <inheritdoc />
    public Task Answered => _answered.Task;

    /// <inheritdoc />
    public Task<HangupCause> Ended => _ended.Task;

    /// <inheritdoc />
    public ReadOnlySpan<short> ReceivedFrame => _received;

    /// <inheritdoc />
    public IAudioSource? Background { get; set; }

    /// <inheritdoc />
    public bool HeldByFarEnd { get; private set; }

    /// <inheritdoc />
    public event Action<IChannel>? HoldChanged;

    /// <inheritdoc />
    public event Action<IChannel, string>? TransferRequested;

    /// <inheritdoc />
    public virtual void ReportTransfer(bool accepted)
    {
        // Technologies whose far end cannot ask for transfers have nobody to tell.
    }

    /// <inheritdoc />
    public abstract void Answer();

    /// <inheritdoc />
    public void HangUp(HangupCause cause = HangupCause.Local)
    {
        if (State == ChannelState.Down)
        {
            return;
        }

        OnLocalHangUp(cause);
        SetDown(cause);
    }

    /// <inheritdoc />
    public Task<bool> PlayAsync(IAudioSource source, bool stopOnDigit, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        _playback?.Completion.TrySetResult(false);
        if (stopOnDigit && _digits.Count > 0)
        {
            return Task.FromResult(false);
        }

        var playback = new Playback(source, stopOnDigit);
        cancellationToken.Register(() => playback.Completion.TrySetCanceled(cancellationToken));
        _playback = playback;
        return playback.Completion.Task;
    }

    /// <inheritdoc />
    public void StopPlayback()
    {
        var playback = _playback;
        _playback = null;
        playback?.Completion.TrySetResult(false);
    }

    /// <inheritdoc />
    public Task<char?> ReadDigitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        if (_digits.TryDequeue(out var digit))
        {
            return Task.FromResult<char?>(digit);
        }

        var ticks = Math.Max(1, (long)Math.Ceiling(timeout / MediaClock.TickInterval));
        var wait = new DigitWait(_tick + ticks);
        cancellationToken.Register(() => wait.Completion.TrySetCanceled(cancellationToken));
        _digitWait?.Completion.TrySetResult(null);
        _digitWait = wait;
        return wait.Completion.Task;
    }

    /// <inheritdoc />
    public void FlushDigits() => _digits.Clear();

    /// <inheritdoc />
    void IMediaTickHandler.OnReceive(long tick) => ReceiveTick(tick);

    /// <inheritdoc />
    void IMediaTickHandler.OnTransmit(long tick) => TransmitTick(tick);

    /// <summary>The receive phase: takes in this tick's audio and expires digit waits.</summary>
    protected virtual void ReceiveTick(long tick)
    {
        _tick = tick;
        if (State == ChannelState.Down)
        {
            return;
        }

        if (!ReceiveAudio(_received))
        {
            Array.Clear(_received);
        }

        if (_digitWait is { } wait && tick >= wait.DeadlineTick)
        {
            _digitWait = null;
            wait.Completion.TrySetResult(null);
        }
    }

    /// <summary>The transmit phase: sends the prompt playing, else the background (a bridged peer), else silence.</summary>
    protected virtual void TransmitTick(long tick)
    {
        if (State != ChannelState.Up)
        {
            return;
        }

        var frame = _transmit.AsSpan();
        if (_playback is { } playback && !playback.Completion.Task.IsCompleted && playback.Source.Read(frame))
        {
            TransmitAudio(frame);
            return;
        }

        if (_playback is { } finished)
        {
            _playback = null;
            finished.Completion.TrySetResult(true);
        }

        if (Background is null || !Background.Read(frame))
        {
            frame.Clear();
        }

        TransmitAudio(frame);
    }

    /// <summary>Fills one frame of received audio; false when none arrived this tick.</summary>
    protected abstract bool ReceiveAudio(Span<short> frame);

    /// <summary>Sends one frame of audio to the far end.</summary>
    protected abstract void TransmitAudio(ReadOnlySpan<short> frame);

    /// <summary>Releases the technology's side (on hook, BYE…) when the box hangs up.</summary>
    protected abstract void OnLocalHangUp(HangupCause cause);

    /// <summary>Records that the far end held or resumed, and tells the call flow.</summary>
    protected void SetHeldByFarEnd(bool held)
    {
        if (HeldByFarEnd != held)
        {
            HeldByFarEnd = held;
            HoldChanged?.Invoke(this);
        }
    }

    /// <summary>Hands the far end's transfer request to the call flow; false when nothing there can transfer this leg now.</summary>
    protected bool RequestTransfer(string target)
    {
        if (TransferRequested is not { } handler || State != ChannelState.Up)
        {
            return false;
        }

        handler(this, target);
        return true;
    }

    /// <summary>Marks the channel answered.</summary>
    protected void SetUp()
    {
        if (State != ChannelState.Ringing)
        {
            return;
        }

        State = ChannelState.Up;
        _answered.TrySetResult();
    }

    /// <summary>Marks the channel down and wakes every waiting operation with <see cref="ChannelHangupException"/>.</summary>
    protected void SetDown(HangupCause cause)
    {
        if (State == ChannelState.Down)
        {
            return;
        }

        State = ChannelState.Down;
        var error = new ChannelHangupException(Id, cause);
        _answered.TrySetException(error);
        _playback?.Completion.TrySetException(error);
        _digitWait?.Completion.TrySetException(error);
        _playback = null;
        _digitWait = null;
        _ended.TrySetResult(cause);
    }

    /// <summary>Hands a received DTMF digit to the call flow, interrupting a prompt that allows it.</summary>
    protected void DeliverDigit(char digit)
    {
        if (_playback is { StopOnDigit: true } playback)
        {
            _playback = null;
            playback.Completion.TrySetResult(false);
        }

        if (_digitWait is { } wait && !wait.Completion.Task.IsCompleted)
        {
            _digitWait = null;
            wait.Completion.TrySetResult(digit);
            return;
        }

        _digits.Enqueue(digit);
    }

    private void ThrowIfDown()
    {
        if (State == ChannelState.Down)
        {
            throw new ChannelHangupException(Id, _ended.Task.Result);
        }
    }

    private sealed record Playback(IAudioSource Source, bool StopOnDigit)
    {
        public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record DigitWait(long DeadlineTick)
    {
        public TaskCompletionSource<char?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
