using System.Net.Sockets;
using System.Text;

namespace Appliance.Host.Tests.Support;

/// <summary>
/// What systemd listens on for sd_notify(3): a Unix datagram socket, bound in a temp directory. The appliance's real
/// notifier sends real datagrams to it; the test reads them one by one.
/// </summary>
internal sealed class FakeNotifySocket : IDisposable
{
    // A safety net for a hung appliance, not a wait for anything timed.
    private static readonly TimeSpan ReceiveLimit = TimeSpan.FromSeconds(30);

    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly byte[] _buffer = new byte[4096];

    public FakeNotifySocket(TempDataDirectory directory)
    {
        Path = directory.File("notify.sock");
        _socket.Bind(new UnixDomainSocketEndPoint(Path));
    }

    public string Path { get; }

    /// <summary>Whether a datagram has arrived that the test has not read yet.</summary>
    public bool HasPending => _socket.Available > 0;

    /// <summary>The next notification, e.g. "READY=1".</summary>
    public async Task<string> ReceiveAsync()
    {
        using var limit = new CancellationTokenSource(ReceiveLimit);
        try
        {
            var length = await _socket.ReceiveAsync(_buffer, SocketFlags.None, limit.Token);
            return Encoding.UTF8.GetString(_buffer, 0, length);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no notification within {ReceiveLimit.TotalSeconds} s");
        }
    }

    /// <summary>Reads notifications until one equals <paramref name="wanted"/>; returns those read before it.</summary>
    public async Task<IReadOnlyList<string>> ReceiveUntilAsync(string wanted)
    {
        var before = new List<string>();
        for (var next = await ReceiveAsync(); next != wanted; next = await ReceiveAsync())
        {
            before.Add(next);
        }

        return before;
    }

    public void Dispose() => _socket.Dispose();
}
