using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;

namespace Appliance.Telephony.Bridging;

/// <summary>
/// Joins two answered channels: each sends what the other receives, and an optional tap (the recorder) sees
/// both directions of the same tick. Disposing the bridge splits the legs and closes the tap.
/// </summary>
public sealed class Bridge : IMediaTickHandler, IDisposable
{
    private readonly MediaClock _clock;
    private IBridgeTap? _tap;
    private bool _disposed;

    /// <summary>Bridges <paramref name="legA"/> (the caller) and <paramref name="legB"/> (the agent).</summary>
    public Bridge(MediaClock clock, IChannel legA, IChannel legB, IBridgeTap? tap = null)
    {
        _clock = clock;
        LegA = legA;
        LegB = legB;
        _tap = tap;
        legA.Background = new PeerAudioSource(legB);
        legB.Background = new PeerAudioSource(legA);
        clock.Register(this);
    }

    /// <summary>The first leg: on a call-center call, the caller.</summary>
    public IChannel LegA { get; }

    /// <summary>The second leg: the agent.</summary>
    public IChannel LegB { get; }

    /// <summary>Replaces the tap (null to stop tapping); the old one is disposed.</summary>
    public void SetTap(IBridgeTap? tap)
    {
        var old = _tap;
        _tap = tap;
        old?.Dispose();
    }

    /// <summary>
    /// Sends <paramref name="replacement"/> to <paramref name="listener"/> instead of the other leg's audio (music while
    /// the other leg holds); null restores the other leg.
    /// </summary>
    public void ReplaceAudioTo(IChannel listener, IAudioSource? replacement)
    {
        if (_disposed)
        {
            return;
        }

        var peer = ReferenceEquals(listener, LegA) ? LegB : ReferenceEquals(listener, LegB) ? LegA
            : throw new ArgumentException("The channel is not a leg of this bridge.", nameof(listener));
        listener.Background = replacement ?? new PeerAudioSource(peer);
    }

    /// <summary>Takes the tap out without closing it, so it can go on in the next bridge (a recording across a transfer).</summary>
    public IBridgeTap? DetachTap()
    {
        var tap = _tap;
        _tap = null;
        return tap;
    }

    /// <inheritdoc />
    void IMediaTickHandler.OnReceive(long tick)
    {
    }

    /// <inheritdoc />
    void IMediaTickHandler.OnTransmit(long tick)
    {
        if (!_disposed)
        {
            _tap?.OnFrames(LegA.ReceivedFrame, LegB.ReceivedFrame);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _clock.Unregister(this);
        LegA.Background = null;
        LegB.Background = null;
        SetTap(null);
    }
}
