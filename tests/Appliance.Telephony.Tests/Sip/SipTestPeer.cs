using System.Net;
using System.Net.Sockets;
using System.Text;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;

namespace Appliance.Telephony.Tests.Sip;

/// <summary>A scripted SIP peer (trunk or phone) on a UDP socket on 127.0.0.1, with an RTP socket beside it.</summary>
internal sealed class SipTestPeer : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly Socket _sip = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly SipMessageParser _parser = new();
    private readonly Queue<SipMessage> _unread = new();

    public SipTestPeer(IPAddress? address = null)
    {
        _sip.Bind(new IPEndPoint(address ?? IPAddress.Loopback, 0));
        Rtp.Bind(new IPEndPoint(address ?? IPAddress.Loopback, 0));
        Rtp.ReceiveTimeout = (int)Patience.TotalMilliseconds;
    }

    public IPEndPoint SipEndPoint => (IPEndPoint)_sip.LocalEndPoint!;

    public Socket Rtp { get; } = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public int RtpPort => ((IPEndPoint)Rtp.LocalEndPoint!).Port;

    public void Send(string message, IPEndPoint to) => _sip.SendTo(Encoding.UTF8.GetBytes(message.Replace("\n", "\r\n", StringComparison.Ordinal)), to);

    public void Send(SipMessage message, IPEndPoint to) => _sip.SendTo(SipMessageWriter.ToBytes(message), to);

    /// <summary>The next message that <paramref name="match"/> accepts, skipping (and keeping) others; pumps the box meanwhile.</summary>
    public async Task<T> ReceiveAsync<T>(Action pump, Func<T, bool>? match = null)
        where T : SipMessage
    {
        var deadline = DateTime.UtcNow + Patience;
        var buffer = new byte[65_536];
        while (DateTime.UtcNow < deadline)
        {
            foreach (var queued in _unread.ToList())
            {
                if (queued is T typed && (match is null || match(typed)))
                {
                    var rest = _unread.Where(m => !ReferenceEquals(m, queued)).ToList();
                    _unread.Clear();
                    rest.ForEach(_unread.Enqueue);
                    return typed;
                }
            }

            pump();
            while (_sip.Available > 0)
            {
                var length = _sip.Receive(buffer);
                if (_parser.ParseDatagram(buffer.AsSpan(0, length)).Message is { } message)
                {
                    _unread.Enqueue(message);
                }
            }

            // Waiting for the network (another thread's socket), not for a timer: the manual clock drives every timer.
            await Task.Delay(2);
        }

        throw new TimeoutException($"No {typeof(T).Name} arrived. Unread: {string.Join(", ", _unread.Select(Describe))}");
    }

    /// <summary>
    /// The next response with <paramref name="status"/> to <paramref name="method"/>; with <paramref name="cseq"/>, to that
    /// request only (a retransmitted 200 of an earlier INVITE, its ACK still in flight, must not stand in for it).
    /// </summary>
    public Task<SipResponse> ResponseAsync(Action pump, int status, string method = "INVITE", long? cseq = null) =>
        ReceiveAsync<SipResponse>(pump, r => r.StatusCode == status && r.CSeq.Method == method && (cseq is null || r.CSeq.Sequence == cseq));

    public static string Describe(SipMessage message) => message switch
    {
        SipResponse r => $"{r.StatusCode} {r.CSeq.Method}",
        SipRequest q => q.Method,
        _ => "?",
    };

    public void Dispose()
    {
        _sip.Dispose();
        Rtp.Dispose();
    }
}
