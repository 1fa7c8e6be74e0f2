using System.Net;
using System.Net.Sockets;

namespace Appliance.IntegrationTests.Sync;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of head office that drops its first connections part-way: the first once the box
/// has sent <see cref="UploadCut"/> bytes (inside a batch's request), the second once head office has answered
/// <see cref="AnswerCut"/> bytes after such an upload (the batch applied but its acknowledgement lost). Later ones pass.
/// </summary>
internal sealed class CuttingProxy : IAsyncDisposable
{
    public const int UploadCut = 2_000;
    public const int AnswerCut = 150;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    public CuttingProxy(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Cuts { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var index = Interlocked.Increment(ref _connections);
            _ = Task.Run(() => RelayAsync(client, index));
        }
    }

    private async Task RelayAsync(TcpClient client, int index)
    {
        using (client)
        using (var upstream = new TcpClient())
        using (var cut = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, cut.Token);
            long uploaded = 0;
            // Upload: the chunk that crosses the mark still goes out, so head office sees half a batch.
            var up = CopyAsync(client.GetStream(), upstream.GetStream(), forwardLastChunk: true, total =>
            {
                Interlocked.Exchange(ref uploaded, total);
                return index == 1 && total >= UploadCut;
            }, cut);

            // Answer: the chunk that crosses the mark is dropped, so the box never sees the acknowledgement.
            var down = CopyAsync(upstream.GetStream(), client.GetStream(), forwardLastChunk: false,
                total => index == 2 && Interlocked.Read(ref uploaded) >= UploadCut && total >= AnswerCut, cut);
            await Task.WhenAny(up, down);
            await cut.CancelAsync();
            client.Client.LingerState = new LingerOption(true, 0);    // RST, as a dropped link looks to the box.
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to, bool forwardLastChunk, Func<long, bool> cutAt, CancellationTokenSource cut)
    {
        var buffer = new byte[16 * 1024];
        long total = 0;
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cut.Token)) > 0)
            {
                total += read;
                var cutHere = cutAt(total);
                if (!cutHere || forwardLastChunk)
                {
                    await to.WriteAsync(buffer.AsMemory(0, read), cut.Token);
                }

                if (cutHere)
                {
                    Cuts++;
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
        {
            // The other side went away or we cut it.
        }
    }
}
