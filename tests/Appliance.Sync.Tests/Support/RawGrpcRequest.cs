using System.Net;
using System.Net.Http.Headers;

namespace Appliance.Sync.Tests.Support;

/// <summary>Sends hand-made HTTP/2 requests, for the bad-input cases a well-behaved client never produces.</summary>
internal static class RawGrpcRequest
{
    /// <param name="Encoding">The response's grpc-encoding, if any.</param>
    /// <param name="FirstFlag">The compressed flag of the first response message, or -1 without one.</param>
    public sealed record Result(
        HttpStatusCode HttpStatus, string? GrpcStatus, string? GrpcMessage, bool TrailersOnly, int BodyLength, string? Encoding = null, int FirstFlag = -1);

    public static async Task<Result> SendAsync(
        Uri address, string path, byte[] body, string contentType = "application/grpc", params (string Name, string Value)[] headers)
    {
        using var client = new HttpClient { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("x-branch-key", TestBranchKeyAuthorizer.Key);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var trailersOnly = response.Headers.Contains("grpc-status");
        var source = trailersOnly ? response.Headers : response.TrailingHeaders;
        return new Result(
            response.StatusCode,
            source.TryGetValues("grpc-status", out var status) ? status.Single() : null,
            source.TryGetValues("grpc-message", out var message) ? message.Single() : null,
            trailersOnly,
            bytes.Length,
            response.Headers.TryGetValues("grpc-encoding", out var encoding) ? encoding.Single() : null,
            bytes.Length > 0 ? bytes[0] : -1);
    }

    /// <summary>A frame header (flag + big-endian length) followed by <paramref name="payload"/>.</summary>
    public static byte[] Frame(byte[] payload, byte flag = 0, uint? declaredLength = null)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength ?? (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }
}
