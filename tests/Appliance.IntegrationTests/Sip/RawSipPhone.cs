using System.Net;
using System.Net.Sockets;
using Appliance.Sip.Messages;
using static Appliance.IntegrationTests.Sip.SipFeatureCodeTests;

namespace Appliance.IntegrationTests.Sip;

/// <summary>
/// An agent's SIP phone as two UDP sockets on 127.0.0.1 (signalling and the RTP the box sends back), registered with
/// digest to the running appliance: what the feature-code tests dial from.
/// </summary>
internal sealed class RawSipPhone : IDisposable
{
    private readonly Socket _media;

    private RawSipPhone(Socket signalling, Socket media, IPEndPoint box)
    {
        Socket = signalling;
        _media = media;
        Box = box;
    }

    /// <summary>The phone's SIP socket.</summary>
    public Socket Socket { get; }

    /// <summary>The appliance's SIP address.</summary>
    public IPEndPoint Box { get; }

    /// <summary>The port the phone offers for RTP in its SDP.</summary>
    public int RtpPort => ((IPEndPoint)_media.LocalEndPoint!).Port;

    /// <summary>Opens the sockets and registers for 600 s; the REGISTER's Call-ID is <paramref name="callId"/>.</summary>
    public static RawSipPhone Register(int sipPort, string callId)
    {
        var signalling = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 10_000 };
        var media = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var phone = new RawSipPhone(signalling, media, new IPEndPoint(IPAddress.Loopback, sipPort));
        try
        {
            signalling.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            media.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var register = Request(signalling, "REGISTER", "sip:127.0.0.1", callId, 1);
            register.Headers.Add(SipHeaderNames.Expires, "600");
            Assert.Equal(200, Authenticated(signalling, phone.Box, register).StatusCode);
            return phone;
        }
        catch
        {
            phone.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Socket.Dispose();
        _media.Dispose();
    }
}
