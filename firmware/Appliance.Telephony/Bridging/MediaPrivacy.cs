namespace Appliance.Telephony.Bridging;

/// <summary>
/// Whether a call's caller is keying sensitive digits right now (a PCI pause). The call flow pauses and releases it; the
/// call's media objects (bridge mixes, recorders) read <see cref="IsPaused"/> once per tick and put silence where the
/// caller's audio would go. A release takes effect only after a tail, because an in-band key is recognised some 40 ms
/// into its tone and the tone goes on as long as the caller holds the key: without the tail the end of the last digit's
/// tone would reach the recording.
/// </summary>
/// <remarks>
/// Why the tick may read it without waiting: a volatile bool and a 64-bit release time written with Volatile, each
/// written by the flow and read by the tick. Neither side ever blocks or locks, a tick sees the old or the new value
/// (never a torn one), and a change shows from the next tick on. The flow runs on the same media loop today; nothing
/// here depends on that.
/// </remarks>
public sealed class MediaPrivacy(TimeProvider time)
{
    /// <summary>How long the silence lasts after the flow releases the pause: a held key's remaining tone.</summary>
    public static readonly TimeSpan ReleaseTail = TimeSpan.FromMilliseconds(400);

    private volatile bool _paused;
    private long _silentUntilTicks;

    /// <summary>True while sensitive digits are being collected, and for <see cref="ReleaseTail"/> after.</summary>
    public bool IsPaused => _paused || (Volatile.Read(ref _silentUntilTicks) is var until && until != 0 && time.GetUtcNow().UtcTicks < until);

    /// <summary>Starts the pause (from this tick on).</summary>
    public void Pause() => _paused = true;

    /// <summary>Ends the pause once <see cref="ReleaseTail"/> has passed.</summary>
    public void Release()
    {
        Volatile.Write(ref _silentUntilTicks, (time.GetUtcNow() + ReleaseTail).UtcTicks);
        _paused = false;
    }
}
