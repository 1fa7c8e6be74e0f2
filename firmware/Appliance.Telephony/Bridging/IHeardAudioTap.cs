namespace Appliance.Telephony.Bridging;

/// <summary>
/// Sees what each party of a supervised bridge is sent: the bridge's own per-party mix, handed over in the transmit phase
/// right after it is mixed into the party's outgoing frame (no copy of its own). A recorder of who heard what.
/// </summary>
public interface IHeardAudioTap
{
    /// <summary>
    /// Tick <paramref name="tick"/>'s audio sent to <paramref name="listener"/>. Called on the media loop at most once per
    /// party and tick, in no fixed order between parties; a party sent something else this tick (a prompt, music on hold)
    /// is not reported. <paramref name="frame"/> is valid only during the call.
    /// </summary>
    void OnHeard(long tick, BridgeParty listener, ReadOnlySpan<short> frame);
}
