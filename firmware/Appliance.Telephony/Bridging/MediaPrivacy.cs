namespace Appliance.Telephony.Bridging;

/// <summary>
/// Whether a call's caller is keying sensitive digits right now (a PCI pause). The call flow sets it; the call's media
/// objects (bridge mixes, recorders) read it once per tick and put silence where the caller's audio would go.
/// </summary>
/// <remarks>
/// One bool written by one party and read by others: a volatile field is enough and never blocks. The flow that sets it
/// runs on the same media loop today, so a tick sees either the old or the new value, never a torn one; should the
/// flow ever move to another thread, the volatile read still sees the change from the next tick on, and nothing on the
/// tick waits for the writer.
/// </remarks>
public sealed class MediaPrivacy
{
    private volatile bool _paused;

    /// <summary>True while sensitive digits are being collected: recordings and listeners get silence.</summary>
    public bool IsPaused => _paused;

    /// <summary>Starts or ends the pause.</summary>
    public void Set(bool paused) => _paused = paused;
}
