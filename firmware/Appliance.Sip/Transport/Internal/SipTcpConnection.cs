using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Appliance.Sip.Parsing;

namespace Appliance.Sip.Transport.Internal;

/// <summary>
/// One TCP connection: a receive loop feeding a <see cref="SipStreamFramer"/> and a send loop draining a bounded queue,
/// so messages go out in the order they were queued and a stalled peer cannot make the queue grow without bound.
/// </summary>
internal sealed class SipTcpConnection
{
    private const int ReadChunkSize = 8_192;

    private readonly Socket _socket;
    private readonly TcpSipTransport _owner;
    private readonly SipStreamFramer _framer;
    private readonly Channel<byte[]> _outbound;
    private readonly CancellationTokenSource _close = new();
    private readonly bool _mustConnect;
    private readonly TimeSpan _connectTimeout;
    private long _lastActivityTicks;

    public SipTcpConnection(Socket socket, IPEndPoint remote, bool mustConnect, TcpSipTransport owner, SipMessageParser parser, SipTransportOptions options, long nowTicks)
    {
        _socket = socket;
        Remote = remote;
        _mustConnect = mustConnect;
        _owner = owner;
        _framer = new SipStreamFramer(parser);
        _connectTimeout = options.ConnectTimeout;
        _lastActivityTicks = nowTicks;
        _outbound = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.MaxQueuedMessagesPerConnection)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        });
    }

    public IPEndPoint Remote { get; }

    public long LastActivityTicks => Interlocked.Read(ref _lastActivityTicks);

    public string? CloseReason { get; private set; }

    public bool Enqueue(byte[] bytes) => _outbound.Writer.TryWrite(bytes);

    /// <summary>Stops both loops now (idle timeout, shutdown); queued messages are dropped.</summary>
    public void Abort(string reason)
    {
        CloseReason ??= reason;
        try
        {
            _close.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already closed.
        }
    }

    /// <summary>Sends what is queued, then closes (after answering a request whose framing broke the stream).</summary>
    public void CloseAfterFlush(string reason)
    {
        CloseReason ??= reason;
        _outbound.Writer.TryComplete();
    }

    public async Task RunAsync()
    {
        try
        {
            if (_mustConnect)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_close.Token);
                timeout.CancelAfter(_connectTimeout);
                await _socket.ConnectAsync(Remote, timeout.Token).ConfigureAwait(false);
            }

            var sending = SendLoopAsync();
            try
            {
                await ReceiveLoopAsync().ConfigureAwait(false);
            }
            finally
            {
                _outbound.Writer.TryComplete();
                await sending.ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is SocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            CloseReason ??= error.Message;
        }
        finally
        {
            _outbound.Writer.TryComplete();
            _socket.Dispose();
            _close.Dispose();
            _owner.OnConnectionClosed(this);
        }
    }

    public void Touch(long nowTicks) => Interlocked.Exchange(ref _lastActivityTicks, nowTicks);

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReadChunkSize);
        try
        {
            while (true)
            {
                var count = await _socket.ReceiveAsync(buffer.AsMemory(0, ReadChunkSize), SocketFlags.None, _close.Token).ConfigureAwait(false);
                if (count == 0)
                {
                    CloseReason ??= "closed by peer";
                    return;
                }

                _owner.OnActivity(this);
                if (!_framer.Append(buffer.AsSpan(0, count), out var error))
                {
                    _owner.OnStreamBroken(this, error ?? "framing failed");
                    CloseReason ??= error;
                    return;
                }

                while (_framer.TryReadMessage() is { } result)
                {
                    _owner.OnFrame(this, result, _framer.LastRejectedHeaders.Span);
                    if (!result.Success && _framer.LastFailureBrokeStream)
                    {
                        CloseReason ??= result.Reason;
                        return;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Never throws: a failed send ends the whole connection through <see cref="Abort"/>.</summary>
    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var bytes in _outbound.Reader.ReadAllAsync(_close.Token).ConfigureAwait(false))
            {
                await _socket.SendAsync(bytes, SocketFlags.None, _close.Token).ConfigureAwait(false);
                _owner.OnActivity(this);
            }

            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception error) when (error is SocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            Abort(error.Message);
        }
    }
}
