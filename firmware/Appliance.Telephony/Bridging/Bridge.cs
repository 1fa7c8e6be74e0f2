using Appliance.Telephony.Bridging.Internal;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;

namespace Appliance.Telephony.Bridging;

/// <summary>
/// Joins two answered channels: each sends what the other receives, and an optional tap (the recorder) sees
/// both directions of the same tick. A supervisor may join as a third party (<see cref="SupervisionMode"/>); the mixing
/// happens in each leg's transmit phase of the shared media tick, into the leg's own frame, so it allocates nothing.
/// Disposing the bridge splits the legs and closes the tap. While the caller's <see cref="MediaPrivacy"/> is paused, nobody
/// hears leg A, and the tap and the heard-audio tap get silence. Used on the media loop only.
/// </summary>
public sealed class Bridge : IMediaTickHandler, IDisposable
{
    private readonly MediaClock _clock;
    private readonly MixedAudioSource _toA;
    private readonly MixedAudioSource _toB;
    private readonly MixedAudioSource _toSupervisor;
    private IAudioSource? _replacementToA;
    private IAudioSource? _replacementToB;
    private IBridgeTap? _tap;
    private IHeardAudioTap? _heard;
    private readonly MediaPrivacy? _privacy;
    private long _tick;
    private bool _disposed;

    /// <summary>
    /// Bridges <paramref name="legA"/> (the caller) and <paramref name="legB"/> (the agent). <paramref name="privacy"/>, if
    /// given, is the caller's PCI pause flag, read once per tick.
    /// </summary>
    public Bridge(MediaClock clock, IChannel legA, IChannel legB, IBridgeTap? tap = null, MediaPrivacy? privacy = null)
    {
        _clock = clock;
        _privacy = privacy;
        LegA = legA;
        LegB = legB;
        _tap = tap;
        _toA = new MixedAudioSource(this, BridgeParty.LegA, legB);
        _toB = new MixedAudioSource(this, BridgeParty.LegB, legA);
        _toSupervisor = new MixedAudioSource(this, BridgeParty.Supervisor, legA);
        legA.Background = _toA;
        legB.Background = _toB;
        clock.Register(this);
    }

    /// <summary>The first leg: on a call-center call, the caller.</summary>
    public IChannel LegA { get; }

    /// <summary>The second leg: the agent.</summary>
    public IChannel LegB { get; }

    /// <summary>The supervisor joined to the bridge, if any.</summary>
    public IChannel? Supervisor { get; private set; }

    /// <summary>How the supervisor takes part; meaningful only while <see cref="Supervisor"/> is set.</summary>
    public SupervisionMode SupervisionMode { get; private set; }

    /// <summary>Replaces the tap (null to stop tapping); the old one is disposed.</summary>
    public void SetTap(IBridgeTap? tap)
    {
        var old = _tap;
        _tap = tap;
        old?.Dispose();
    }

    /// <summary>
    /// Sends <paramref name="replacement"/> to <paramref name="listener"/> instead of the other leg's audio (music while
    /// the other leg holds); null restores the other leg (and the supervisor, if the mode lets the listener hear them).
    /// </summary>
    public void ReplaceAudioTo(IChannel listener, IAudioSource? replacement)
    {
        if (_disposed)
        {
            return;
        }

        if (ReferenceEquals(listener, LegA))
        {
            _replacementToA = replacement;
        }
        else if (ReferenceEquals(listener, LegB))
        {
            _replacementToB = replacement;
        }
        else
        {
            throw new ArgumentException("The channel is not a leg of this bridge.", nameof(listener));
        }

        ApplyBackgrounds();
    }

    /// <summary>
    /// Adds <paramref name="supervisor"/> as a third party in <paramref name="mode"/>. The recording tap is untouched: it
    /// keeps the caller's voice left and the agent's right, and never the supervisor's. <paramref name="heard"/>, if given,
    /// is shown each party's mix until the supervisor is removed (a recording of who heard what); the bridge does not own it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The bridge is split, or already has a supervisor.</exception>
    /// <exception cref="ArgumentException">The channel is one of the two legs.</exception>
    public void JoinSupervisor(IChannel supervisor, SupervisionMode mode, IHeardAudioTap? heard = null)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Supervisor is not null)
        {
            throw new InvalidOperationException("The bridge already has a supervisor.");
        }

        if (ReferenceEquals(supervisor, LegA) || ReferenceEquals(supervisor, LegB))
        {
            throw new ArgumentException("A leg of the bridge cannot supervise it.", nameof(supervisor));
        }

        Supervisor = supervisor;
        SupervisionMode = mode;
        _heard = heard;
        _toSupervisor.Hear(LegA, LegB);
        supervisor.Background = _toSupervisor;
        ApplyBackgrounds();
    }

    /// <summary>Changes what the supervisor hears and who hears them, from the next tick.</summary>
    /// <exception cref="InvalidOperationException">No supervisor is joined.</exception>
    public void ChangeSupervisionMode(SupervisionMode mode)
    {
        if (Supervisor is null)
        {
            throw new InvalidOperationException("The bridge has no supervisor.");
        }

        SupervisionMode = mode;
        ApplyBackgrounds();
    }

    /// <summary>Takes the supervisor out (they hear silence from the next tick); caller and agent go on as a plain two-party bridge.</summary>
    public void RemoveSupervisor()
    {
        if (Supervisor is not { } supervisor)
        {
            return;
        }

        Supervisor = null;
        _heard = null;
        if (ReferenceEquals(supervisor.Background, _toSupervisor))
        {
            supervisor.Background = null;
        }

        ApplyBackgrounds();
    }

    /// <summary>Takes the tap out without closing it, so it can go on in the next bridge (a recording across a transfer).</summary>
    public IBridgeTap? DetachTap()
    {
        var tap = _tap;
        _tap = null;
        return tap;
    }

    /// <inheritdoc />
    void IMediaTickHandler.OnReceive(long tick) => _tick = tick;

    /// <inheritdoc />
    void IMediaTickHandler.OnTransmit(long tick)
    {
        if (_disposed || _tap is not { } tap)
        {
            return;
        }

        if (IsCallerPrivate)
        {
            // Both channels: the agent's side may carry the keys' echo from the handset.
            tap.OnFrames(SilentFrames.Of(LegA.ReceivedFrame.Length), SilentFrames.Of(LegB.ReceivedFrame.Length));
        }
        else
        {
            tap.OnFrames(LegA.ReceivedFrame, LegB.ReceivedFrame);
        }
    }

    /// <summary>Whether the caller is keying sensitive digits this tick: leg A is heard by nobody, taps get silence.</summary>
    internal bool IsCallerPrivate => _privacy?.IsPaused == true;

    /// <summary>A party's mix for this tick, just written into its outgoing frame.</summary>
    internal void OnMixed(BridgeParty listener, ReadOnlySpan<short> frame) =>
        _heard?.OnHeard(_tick, listener, IsCallerPrivate ? SilentFrames.Of(frame.Length) : frame);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        RemoveSupervisor();
        _disposed = true;
        _clock.Unregister(this);
        LegA.Background = null;
        LegB.Background = null;
        SetTap(null);
    }

    // Who hears whom: the caller hears the supervisor only in barge, the agent in whisper and barge.
    private void ApplyBackgrounds()
    {
        if (_disposed)
        {
            return;
        }

        var supervisor = Supervisor;
        _toA.Hear(LegB, supervisor is not null && SupervisionMode == SupervisionMode.Barge ? supervisor : null);
        _toB.Hear(LegA, supervisor is not null && SupervisionMode is SupervisionMode.Whisper or SupervisionMode.Barge ? supervisor : null);
        LegA.Background = _replacementToA ?? _toA;
        LegB.Background = _replacementToB ?? _toB;
    }
}
