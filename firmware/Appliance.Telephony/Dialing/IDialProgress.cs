namespace Appliance.Telephony.Dialing;

/// <summary>
/// An outbound channel that takes time before the far end rings: an analog line seizes, waits for dial tone and sends
/// the number as DTMF (about 3 s for a mobile number). A ring timeout ("ring for 8 s") counts from
/// <see cref="NumberSent"/>, not from the dial, or the dialling would eat the ringing. Channels whose far end rings at
/// once (SIP, simulated phones) need not implement it.
/// </summary>
public interface IDialProgress
{
    /// <summary>
    /// Completes on the media loop once the whole number is on its way; never completes if the channel goes down first
    /// (watch <see cref="Channels.IChannel.Ended"/> beside it). The line's own dial-tone timeout bounds the wait.
    /// </summary>
    Task NumberSent { get; }
}
