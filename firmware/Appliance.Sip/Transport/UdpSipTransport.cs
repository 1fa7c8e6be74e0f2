using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Transport.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Transport;

/// <summary>
/// SIP over UDP (§18): one socket on the configured address, one receive loop reusing one buffer. A datagram that does
/// not parse is answered with the parser's status when it is a request with a usable Via; nothing a peer sends can
/// stop the loop. Create it, subscribe (e.g. a <see cref="Transactions.SipTransactionLayer"/>), then <see cref="Start"/>.
/// </summary>
public sealed class UdpSipTransport : ISipTransport
{
    // The largest UDP payload there is; the parser itself refuses anything over its configured limit with 513.
    private const int DatagramBufferSize = 65_536;

    private readonly Socket _socket;
    private readonly SipMessageParser _parser;
    private readonly ILogger<UdpSipTransport> _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _receiveBuffer = new byte[DatagramBufferSize];
    private readonly ArrayBufferWriter<byte> _sendBuffer = new(2_048);
    private readonly Lock _sendGate = new();
    private Task _receiveLoop = Task.CompletedTask;

    public UdpSipTransport(IOptions<SipTransportOptions> options, SipMessageParser parser, ILogger<UdpSipTransport> logger)
    {
        _parser = parser;
        _logger = logger;
        var endpoint = options.Value.ToEndPoint();
        _socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.Bind(endpoint);
        }
        catch (SocketException error)
        {
            _socket.Dispose();
            throw new InvalidOperationException($"Cannot bind SIP UDP to {endpoint} ({SipTransportOptions.SectionName}): {error.Message}", error);
        }

        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public string Protocol => "UDP";

    public bool IsReliable => false;

    public IPEndPoint LocalEndPoint { get; }

    public event Action<SipMessage, IPEndPoint>? MessageReceived;

    /// <summary>Starts the receive loop. Call once, after subscribing to <see cref="MessageReceived"/>.</summary>
    public void Start()
    {
        TransportLog.Listening(_logger, Protocol, LocalEndPoint);
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    public void Send(SipMessage message, IPEndPoint remote)
    {
        try
        {
            // One reusable buffer: the writer and the socket call are cheap and UDP sends do not block.
            lock (_sendGate)
            {
                _sendBuffer.ResetWrittenCount();
                SipMessageWriter.Write(message, _sendBuffer);
                _socket.SendTo(_sendBuffer.WrittenSpan, SocketFlags.None, remote);
            }
        }
        catch (SocketException error)
        {
            TransportLog.SendFailed(_logger, Protocol, remote, error.Message);
        }
        catch (ObjectDisposedException)
        {
            TransportLog.MessageDropped(_logger, remote, "transport closed");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _receiveLoop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        EndPoint anySource = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(_receiveBuffer, SocketFlags.None, anySource, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException error)
            {
                // E.g. an ICMP port-unreachable reported on the socket: one peer's problem, not ours.
                TransportLog.ReceiveFailed(_logger, Protocol, LocalEndPoint, error.Message);
                continue;
            }

            HandleDatagram(_receiveBuffer.AsSpan(0, received.ReceivedBytes), (IPEndPoint)received.RemoteEndPoint);
        }
    }

    private void HandleDatagram(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        if (InboundDelivery.IsKeepAlive(datagram))
        {
            return;
        }

        var result = _parser.ParseDatagram(datagram);
        if (result.Message is { } message)
        {
            InboundDelivery.Deliver(message, source, MessageReceived, _logger);
            return;
        }

        TransportLog.Malformed(_logger, source, result.StatusCode, result.Reason);
        if (MalformedRequestResponder.TryBuild(result, datagram) is { } rejection)
        {
            Send(rejection, source);
        }
    }
}
