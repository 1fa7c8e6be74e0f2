using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace Appliance.Sync.Tests.Compat;

/// <summary>Sends a recorded request again, byte for byte (headers and body), and reads the answer's status and messages.</summary>
internal static class WireReplay
{
    // HttpClient writes these itself from the URI and the content; everything else goes out as recorded.
    private static readonly HashSet<string> SetByHttpClient = new(StringComparer.OrdinalIgnoreCase) { "host", "content-length", "content-type" };

    public sealed record Answer(HttpStatusCode HttpStatus, string? GrpcStatus, string? GrpcMessage, IReadOnlyList<byte[]> Messages);

    public static async Task<Answer> SendAsync(Uri server, RecordedExchange exchange, CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { BaseAddress = server };
        using var request = Request(exchange);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var trailersOnly = response.Headers.Contains("grpc-status");
        var status = trailersOnly ? response.Headers : response.TrailingHeaders;
        var encoding = response.Headers.TryGetValues("grpc-encoding", out var encodings) ? encodings.Single() : "identity";
        return new Answer(
            response.StatusCode,
            status.TryGetValues("grpc-status", out var code) ? code.Single() : null,
            status.TryGetValues("grpc-message", out var message) ? message.Single() : null,
            Messages(body, encoding));
    }

    /// <summary>Sends the request and returns as soon as the response headers are in, to read a stream message by message.</summary>
    public static async Task<OpenStream> OpenAsync(Uri server, RecordedExchange exchange, CancellationToken cancellationToken)
    {
        var client = new HttpClient { BaseAddress = server };
        using var request = Request(exchange);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return new OpenStream(client, response, await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    /// <summary>The messages of a body of length-prefixed frames, gzip ones decompressed.</summary>
    public static List<byte[]> Messages(byte[] body, string encoding)
    {
        var messages = new List<byte[]>();
        for (var at = 0; at < body.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(at + 1));
            var payload = body.AsSpan(at + 5, length).ToArray();
            messages.Add(body[at] == 1 ? Gunzip(payload, encoding) : payload);
            at += 5 + length;
        }

        return messages;
    }

    private static HttpRequestMessage Request(RecordedExchange exchange)
    {
        var request = new HttpRequestMessage(new HttpMethod(exchange.Method), exchange.Path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(exchange.RequestBody),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(exchange.Header("content-type")!);
        foreach (var header in exchange.Headers.Where(h => !SetByHttpClient.Contains(h[0])))
        {
            request.Headers.TryAddWithoutValidation(header[0], header[1]);
        }

        return request;
    }

    private static byte[] Gunzip(byte[] compressed, string encoding)
    {
        Assert.Equal("gzip", encoding);
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>An answer being streamed; dispose to hang up.</summary>
    public sealed class OpenStream(HttpClient client, HttpResponseMessage response, Stream body) : IDisposable
    {
        public HttpStatusCode HttpStatus => response.StatusCode;

        /// <summary>The next message's bytes (uncompressed frames only, as the report service sends them).</summary>
        public async Task<byte[]> ReadMessageAsync(CancellationToken cancellationToken)
        {
            var header = new byte[5];
            await body.ReadExactlyAsync(header, cancellationToken);
            Assert.Equal(0, header[0]);
            var message = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1))];
            await body.ReadExactlyAsync(message, cancellationToken);
            return message;
        }

        public void Dispose()
        {
            body.Dispose();
            response.Dispose();
            client.Dispose();
        }
    }
}
