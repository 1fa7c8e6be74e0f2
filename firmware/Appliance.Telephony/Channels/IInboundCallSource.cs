namespace Appliance.Telephony.Channels;

/// <summary>Where inbound calls come from (analog lines, later SIP trunks); raised on the media loop.</summary>
public interface IInboundCallSource
{
    /// <summary>A call is ringing and waits to be answered. The line is the analog port, or null for other technologies.</summary>
    event Action<IChannel, int?>? CallArrived;
}
