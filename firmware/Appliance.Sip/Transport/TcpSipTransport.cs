using System.Net;
using System.Net.Sockets;
using Appliance.Sip.Messages;
using Appliance.Sip.Parsing;
using Appliance.Sip.Transport.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Transport;

/// <summary>
/// SIP over TCP (§18.3): a listener on the configured address, messages framed by Content-Length, and one connection per
/// remote endpoint reused for everything sent to it. Responses go back on the connection the request came in on, or,
/// once that has closed, on a new one to the received address and sent-by port (§18.2.2). Connections are capped and
/// closed when idle. Create it, subscribe, then <see cref="Start"/>.
/// </summary>
public sealed class TcpSipTransport : ISipTransport
{
    private const int ListenBacklog = 128;

    private readonly Socket _listener;
    private readonly SipMessageParser _parser;
    private readonly SipTransportOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TcpSipTransport> _logger;
    private readonly ErrorReplies _errorReplies;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<IPEndPoint, SipTcpConnection> _connections = [];
    private readonly List<Task> _running = [];
    private readonly Lock _gate = new();
    private ITimer? _idleSweep;
    private Task _acceptLoop = Task.CompletedTask;

    public TcpSipTransport(IOptions<SipTransportOptions> options, SipMessageParser parser, TimeProvider time, ILogger<TcpSipTransport> logger)
    {
        _options = options.Value;
        _parser = parser;
        _time = time;
        _logger = logger;
        _errorReplies = new ErrorReplies(_options.ErrorRepliesPerSecond, time, logger);
        var endpoint = _options.ToEndPoint();
        _listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _listener.Bind(endpoint);
            _listener.Listen(ListenBacklog);
        }
        catch (SocketException error)
        {
            _listener.Dispose();
            throw new InvalidOperationException($"Cannot listen for SIP TCP on {endpoint} ({SipTransportOptions.SectionName}): {error.Message}", error);
        }

        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
    }

    public string Protocol => "TCP";

    public bool IsReliable => true;

    public IPEndPoint LocalEndPoint { get; }

    public event Action<SipMessage, IPEndPoint>? MessageReceived;

    /// <summary>Connections open now, inbound and outbound.</summary>
    public int ConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>Starts accepting and the idle sweep. Call once, after subscribing to <see cref="MessageReceived"/>.</summary>
    public void Start()
    {
        // Sweeping at a quarter of the timeout closes an idle connection at most 25 % late.
        var period = _options.IdleTimeout / 4;
        _idleSweep = _time.CreateTimer(_ => CloseIdleConnections(), null, period, period);
        TransportLog.Listening(_logger, Protocol, LocalEndPoint);
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public void Send(SipMessage message, IPEndPoint remote)
    {
        var bytes = SipMessageWriter.ToBytes(message);
        SipTcpConnection? connection;
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                TransportLog.MessageDropped(_logger, remote, "transport closed");
                return;
            }

            if (!_connections.TryGetValue(remote, out connection))
            {
                if (_connections.Count >= _options.MaxConnections)
                {
                    TransportLog.MessageDropped(_logger, remote, "connection limit reached");
                    return;
                }

                var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                connection = Register(socket, remote, mustConnect: true);
            }
        }

        if (!connection.Enqueue(bytes))
        {
            TransportLog.MessageDropped(_logger, remote, "send queue full or connection closing");
        }
    }

    public void SendResponse(SipResponse response, SipResponseRoute route)
    {
        SipTcpConnection? connection;
        lock (_gate)
        {
            _connections.TryGetValue(route.Source, out connection);
        }

        if (connection is not null && connection.Enqueue(SipMessageWriter.ToBytes(response)))
        {
            return;
        }

        if (route.Destination is { } destination)
        {
            Send(response, destination);
        }
        else
        {
            TransportLog.ResponseNotSent(_logger, route.Source, response.StatusCode, route.Refusal ?? "the connection has closed");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task[] running;
        lock (_gate)
        {
            _stop.Cancel();
            foreach (var connection in _connections.Values)
            {
                connection.Abort("transport closed");
            }

            running = [.. _running];
        }

        _idleSweep?.Dispose();
        _listener.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        await Task.WhenAll(running).ConfigureAwait(false);
        _stop.Dispose();
    }

    internal void OnActivity(SipTcpConnection connection) => connection.Touch(_time.GetUtcNow().UtcTicks);

    internal void OnFrame(SipTcpConnection connection, SipParseResult result, ReadOnlySpan<byte> rejectedHeaders)
    {
        if (result.Message is { } message)
        {
            InboundDelivery.Deliver(message, connection.Remote, MessageReceived, _logger);
            return;
        }

        TransportLog.Malformed(_logger, connection.Remote, result.StatusCode, result.Reason);
        if (_errorReplies.Prepare(result, rejectedHeaders, connection.Remote, reliable: true) is { } reply)
        {
            // A reliable transport answers on the connection the request came on (§18.2.2).
            connection.Enqueue(reply.Bytes);
        }
    }

    internal void OnStreamBroken(SipTcpConnection connection, string reason) => TransportLog.StreamBroken(_logger, connection.Remote, reason);

    internal void OnConnectionClosed(SipTcpConnection connection)
    {
        lock (_gate)
        {
            if (_connections.TryGetValue(connection.Remote, out var current) && ReferenceEquals(current, connection))
            {
                _connections.Remove(connection.Remote);
            }
        }

        TransportLog.ConnectionClosed(_logger, connection.Remote, connection.CloseReason ?? "closed");
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException error)
            {
                TransportLog.ReceiveFailed(_logger, Protocol, LocalEndPoint, error.Message);
                continue;
            }

            Accept(socket);
        }
    }

    private void Accept(Socket socket)
    {
        var remote = (IPEndPoint)socket.RemoteEndPoint!;
        lock (_gate)
        {
            if (_connections.Count >= _options.MaxConnections || _stop.IsCancellationRequested)
            {
                TransportLog.ConnectionRefused(_logger, remote, _connections.Count);
                socket.Dispose();
                return;
            }

            Register(socket, remote, mustConnect: false);
        }
    }

    /// <summary>Adds and starts a connection; the caller holds <see cref="_gate"/>.</summary>
    private SipTcpConnection Register(Socket socket, IPEndPoint remote, bool mustConnect)
    {
        var connection = new SipTcpConnection(socket, remote, mustConnect, this, _parser, _options, _time.GetUtcNow().UtcTicks);
        _connections[remote] = connection;
        _running.RemoveAll(t => t.IsCompleted);
        _running.Add(Task.Run(connection.RunAsync));
        TransportLog.ConnectionOpened(_logger, remote, mustConnect ? "outbound" : "inbound");
        return connection;
    }

    private void CloseIdleConnections()
    {
        var oldestAllowed = _time.GetUtcNow().UtcTicks - _options.IdleTimeout.Ticks;
        lock (_gate)
        {
            foreach (var connection in _connections.Values)
            {
                if (connection.LastActivityTicks <= oldestAllowed)
                {
                    connection.Abort("idle timeout");
                }
            }
        }
    }
}
