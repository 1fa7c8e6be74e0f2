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
/// SIP over UDP (§18): one socket on the configured address, one receive loop reusing one buffer. Responses go where
/// §18.2.2 says. A datagram that does not parse is answered with the parser's status when it is a request with a Via
/// (within <see cref="SipTransportOptions.ErrorRepliesPerSecond"/>); nothing a peer sends can stop the loop. Create it, subscribe (e.g. a <see cref="Transactions.SipTransactionLayer"/>), then <see cref="Start"/>.
/// </summary>
public sealed class UdpSipTransport : ISipTransport
{
    // The largest UDP payload there is; the parser itself refuses anything over its configured limit with 513.
    private const int DatagramBufferSize = 65_536;

    private readonly Socket _socket;
    private readonly SipMessageParser _parser;
    private readonly ILogger<UdpSipTransport> _logger;
    private readonly ErrorReplies _errorReplies;
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _receiveBuffer = new byte[DatagramBufferSize];
    private readonly ArrayBufferWriter<byte> _sendBuffer = new(2_048);
    private readonly Lock _sendGate = new();
    private Task _receiveLoop = Task.CompletedTask;

    public UdpSipTransport(IOptions<SipTransportOptions> options, SipMessageParser parser, TimeProvider time, ILogger<UdpSipTransport> logger)
    {
        _parser = parser;
        _logger = logger;
        _errorReplies = new ErrorReplies(options.Value.ErrorRepliesPerSecond, time, logger);
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
        // One reusable buffer: the writer and the socket call are cheap and UDP sends do not block.
        lock (_sendGate)
        {
            _sendBuffer.ResetWrittenCount();
            SipMessageWriter.Write(message, _sendBuffer);
            SendBytes(_sendBuffer.WrittenSpan, remote);
        }
    }

    public void SendResponse(SipResponse response, SipResponseRoute route)
    {
        if (route.Destination is { } destination)
        {
            Send(response, destination);
        }
        else
        {
            TransportLog.ResponseNotSent(_logger, route.Source, response.StatusCode, route.Refusal ?? "no destination");
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

    private void SendBytes(ReadOnlySpan<byte> bytes, IPEndPoint remote)
    {
        try
        {
            _socket.SendTo(bytes, SocketFlags.None, remote);
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
        if (_errorReplies.Prepare(result, datagram, source, reliable: false) is { } reply)
        {
            SendBytes(reply.Bytes, reply.Destination);
        }
    }
}
