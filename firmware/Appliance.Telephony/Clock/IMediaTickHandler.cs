namespace Appliance.Telephony.Clock;

/// <summary>
/// Something that moves audio on the shared media clock. Every tick runs in two phases so that a bridge sees
/// both legs' frames of the same 20 ms: first every handler receives, then every handler transmits.
/// </summary>
public interface IMediaTickHandler
{
    /// <summary>Phase 1: take in this tick's received audio and signalling.</summary>
    void OnReceive(long tick);

    /// <summary>Phase 2: produce and send this tick's outgoing audio.</summary>
    void OnTransmit(long tick);
}
