using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Appliance.IntegrationTests.Sip.Softphones.Internal;

/// <summary>
/// baresip's ctrl_tcp module: commands and replies as JSON framed as netstrings ("LEN:JSON,") on a TCP port, with the
/// phone's events (CALL_ESTABLISHED, CALL_RTCP, TRANSFER_FAILED…) interleaved. A reply carries its command's token.
/// Every frame received is also handed to <c>onFrame</c>, so events show in the phone's output.
/// </summary>
internal sealed class BaresipControl : IAsyncDisposable
{
    private const int MaxFrame = 1 << 20;
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly Action<string> _onFrame;
    private readonly Dictionary<string, TaskCompletionSource<JsonElement>> _pending = [];
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Task _reader;
    private int _nextToken;

    private BaresipControl(TcpClient client, Action<string> onFrame)
    {
        _client = client;
        _stream = client.GetStream();
        _onFrame = onFrame;
        _reader = ReadLoopAsync();
    }

    public static async Task<BaresipControl> ConnectAsync(int port, Action<string> onFrame)
    {
        var client = new TcpClient(AddressFamily.InterNetwork);
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return new BaresipControl(client, onFrame);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Sends a command without waiting for its reply (for "quit", whose reply may never come).</summary>
    public Task SendAsync(string command, string? parameters) => WriteAsync(command, parameters, "quiet");

    /// <summary>Runs a command and returns its reply's data; a reply with ok=false throws.</summary>
    public async Task<string> CommandAsync(string command, string? parameters, TimeSpan limit)
    {
        var token = "t" + Interlocked.Increment(ref _nextToken).ToString(CultureInfo.InvariantCulture);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_pending)
        {
            _pending[token] = reply;
        }

        await WriteAsync(command, parameters, token);
        var answer = await reply.Task.WaitAsync(limit);
        var data = answer.TryGetProperty("data", out var value) ? value.GetString() ?? string.Empty : string.Empty;
        if (!answer.TryGetProperty("ok", out var ok) || !ok.GetBoolean())
        {
            throw new InvalidOperationException($"baresip refused the command '{command} {parameters}': {data}");
        }

        return data;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or SocketException)
        {
        }

        _writeLock.Dispose();
    }

    private async Task WriteAsync(string command, string? parameters, string token)
    {
        var message = new Dictionary<string, string> { ["command"] = command, ["token"] = token };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(message);
        var frame = new List<byte>(json.Length + 12);
        frame.AddRange(Encoding.ASCII.GetBytes(json.Length.ToString(CultureInfo.InvariantCulture) + ":"));
        frame.AddRange(json);
        frame.Add((byte)',');
        await _writeLock.WaitAsync();
        try
        {
            await _stream.WriteAsync(frame.ToArray());
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var received = new List<byte>();
        int read;
        while ((read = await _stream.ReadAsync(buffer)) > 0)
        {
            received.AddRange(buffer.AsSpan(0, read));
            while (TryTakeFrame(received) is { } frame)
            {
                OnFrame(frame);
            }
        }
    }

    /// <summary>Removes one whole netstring from the front of <paramref name="received"/>, if there is one.</summary>
    private static byte[]? TryTakeFrame(List<byte> received)
    {
        var colon = received.IndexOf((byte)':');
        if (colon < 0)
        {
            return null;
        }

        var length = int.Parse(Encoding.ASCII.GetString(received.GetRange(0, colon).ToArray()), CultureInfo.InvariantCulture);
        if (length is < 0 or > MaxFrame)
        {
            throw new InvalidDataException($"baresip ctrl_tcp sent a frame of {length} bytes.");
        }

        if (received.Count < colon + 1 + length + 1)
        {
            return null;
        }

        var frame = received.GetRange(colon + 1, length).ToArray();
        received.RemoveRange(0, colon + 1 + length + 1);
        return frame;
    }

    private void OnFrame(byte[] frame)
    {
        _onFrame("ctrl: " + Encoding.UTF8.GetString(frame));
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        if (root.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.True
            && root.TryGetProperty("token", out var token) && token.GetString() is { } key)
        {
            TaskCompletionSource<JsonElement>? waiter;
            lock (_pending)
            {
                _pending.Remove(key, out waiter);
            }

            waiter?.TrySetResult(root.Clone());
        }
    }
}
