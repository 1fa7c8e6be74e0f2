using Microsoft.AspNetCore.Http;

namespace Appliance.Sync.Transport.Internal;

/// <summary>
/// Middleware in front of Grpc.AspNetCore for two answers the gRPC spec gives and Grpc.AspNetCore does not:
/// HTTP 415 for <c>application/grpc+X</c> with a codec X other than proto (Grpc.AspNetCore would parse, say, JSON bytes
/// as protobuf), and INTERNAL rather than UNKNOWN for a request message that cannot be read (a compressed flag other
/// than 0 or 1, bytes that are not the method's protobuf message): the spec's status-code table says "error parsing
/// request proto: INTERNAL", while Grpc.AspNetCore reports any such failure as an exception thrown by the handler.
/// </summary>
internal static class RequestGuard
{
    /// <summary>Set by <see cref="RequestChecks"/> once the request message was read and the call reached the handlers.</summary>
    public static readonly object MessageRead = new();

    private const string GrpcCodecPrefix = "application/grpc+";

    public static Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        var contentType = http.Request.ContentType;
        if (contentType is not null && contentType.StartsWith(GrpcCodecPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var codec = contentType.AsSpan(GrpcCodecPrefix.Length);
            var parameters = codec.IndexOf(';');
            if (!(parameters < 0 ? codec : codec[..parameters]).Trim().Equals("proto", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return Task.CompletedTask;
            }
        }

        // A call that fails before its message is read ends trailers-only: the status is still in the headers here.
        http.Response.OnStarting(static state =>
        {
            var call = (HttpContext)state;
            if (!call.Items.ContainsKey(MessageRead) && call.Response.Headers["grpc-status"] == "2")
            {
                call.Response.Headers["grpc-status"] = "13";
                call.Response.Headers["grpc-message"] = "The request message is malformed (bad frame or not a valid protobuf message); nothing was applied.";
            }

            return Task.CompletedTask;
        }, http);
        return next();
    }
}
