using System.Net;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Microsoft.Extensions.Logging;

namespace Appliance.Sip.Transport.Internal;

/// <summary>What both transports do with a parsed message: stamp the top Via (§18.2.1, RFC 3581) and hand it up safely.</summary>
internal static class InboundDelivery
{
    public static void Deliver(SipMessage message, IPEndPoint source, Action<SipMessage, IPEndPoint>? handlers, ILogger logger)
    {
        if (message is SipRequest)
        {
            StampReceived(message, source);
        }

        if (handlers is null)
        {
            return;
        }

        // Each subscriber separately, so one that throws neither stops the receive loop nor starves the others.
        foreach (var handler in handlers.GetInvocationList().Cast<Action<SipMessage, IPEndPoint>>())
        {
            try
            {
                handler(message, source);
            }
#pragma warning disable CA1031 // A bug in one handler must not stop the receive loop for every other peer.
            catch (Exception error)
#pragma warning restore CA1031
            {
                TransportLog.HandlerFailed(logger, error, source, message.CallId);
            }
        }
    }

    /// <summary>Stamps the top Via of a request with received and rport (<see cref="ViaStamping"/>).</summary>
    public static void StampReceived(SipMessage message, IPEndPoint source)
    {
        var top = message.Headers[SipHeaderNames.Via];
        if (top is null)
        {
            return;
        }

        ViaHeader via;
        try
        {
            via = ViaHeader.Parse(top);
        }
        catch (SipParseException)
        {
            return;
        }

        if (ViaStamping.Stamp(via, source))
        {
            message.Headers.RemoveFirst(SipHeaderNames.Via);
            message.Headers.Prepend(SipHeaderNames.Via, via.ToString());
        }
    }

    /// <summary>Keep-alives (RFC 5626 §3.5.1) are bare CRLFs; they are not messages and get no answer.</summary>
    public static bool IsKeepAlive(ReadOnlySpan<byte> data) => data.IndexOfAnyExcept("\r\n"u8) < 0;
}
