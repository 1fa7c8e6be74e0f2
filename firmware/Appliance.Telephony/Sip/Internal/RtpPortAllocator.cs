using System.Net;
using System.Net.Sockets;

namespace Appliance.Telephony.Sip.Internal;

/// <summary>
/// Binds an RTP socket on an even port and RTCP on the next (RFC 3550 §11) within the configured range, walking the range
/// from where the last call stopped so that a port just released is not reused at once (late packets of the old call).
/// </summary>
internal sealed class RtpPortAllocator(SipMediaOptions options, TimeProvider time)
{
    private readonly IPAddress _bindAddress = IPAddress.Parse(options.BindAddress);
    private int _next = options.RtpPortMin + (options.RtpPortMin % 2);

    /// <exception cref="InvalidOperationException">No free pair was found in <see cref="SipMediaOptions.PortAttempts"/> tries.</exception>
    public RtpSession Open()
    {
        for (var attempt = 0; attempt < options.PortAttempts; attempt++)
        {
            var port = Interlocked.Add(ref _next, 2) - 2;
            if (port + 1 > options.RtpPortMax)
            {
                Interlocked.Exchange(ref _next, options.RtpPortMin + (options.RtpPortMin % 2));
                continue;
            }

            if (TryBind(port) is { } rtp)
            {
                if (TryBind(port + 1) is { } rtcp)
                {
                    return new RtpSession(rtp, rtcp, time);
                }

                rtp.Dispose();
            }
        }

        throw new InvalidOperationException(
            $"No free RTP port pair in {SipMediaOptions.SectionName}:RtpPortMin..RtpPortMax ({options.RtpPortMin}-{options.RtpPortMax}).");
    }

    private Socket? TryBind(int port)
    {
        var socket = new Socket(_bindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(_bindAddress, port));
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }
}
