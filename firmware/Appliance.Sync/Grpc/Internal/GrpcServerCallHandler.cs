using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Appliance.Sync.Grpc.Internal;

/// <summary>
/// Serves one endpoint: checks the request (protocol, content-type, encoding, timeout, credentials, exactly one
/// well-formed message) before the handler runs, so refused calls apply nothing; runs the handler under the call's
/// deadline; and always ends with a gRPC status.
/// </summary>
internal sealed class GrpcServerCallHandler(
    string path,
    GrpcMethodBinding? binding,
    IGrpcCallAuthorizer? authorizer,
    GrpcServerOptions options,
    TimeProvider timeProvider,
    ILogger logger)
{
    // CancellationTokenSource cannot wait longer than about 49 days; a longer grpc-timeout is as good as none.
    private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(30);

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            GrpcServerLog.WrongProtocol(logger, path, request.Protocol);
            response.StatusCode = StatusCodes.Status426UpgradeRequired;
            return;
        }

        if (!GrpcProtocol.IsProtoContentType(request.ContentType))
        {
            // Per the spec: 415 rather than a gRPC status, so a plain HTTP client cannot mistake the 200 for success.
            GrpcServerLog.WrongContentType(logger, path, request.ContentType ?? "(none)");
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;

        var peer = $"{http.Connection.RemoteIpAddress}:{http.Connection.RemotePort}";
        using var call = new GrpcServerCall(
            response,
            gzipResponses: options.ResponseCompression == GrpcProtocol.Gzip
                && GrpcProtocol.AcceptsEncoding(request.Headers[GrpcProtocol.AcceptEncodingHeader], GrpcProtocol.Gzip),
            flushEachMessage: binding?.Method.IsServerStreaming ?? false,
            options.MaxSendMessageSize);

        var refusal = CheckCall(request, out var timeout, out var encoding);
        if (refusal is { } refused)
        {
            GrpcServerLog.CallFailed(logger, path, peer, refused.Code, refused.Detail);
            call.SetStatus(refused, new GrpcMetadata());
            return;
        }

        using var deadlineSource = timeout is { } t && t < LongestTimer ? new CancellationTokenSource(t, timeProvider) : null;
        using var callSource = deadlineSource is null
            ? CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted)
            : CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, deadlineSource.Token);
        var context = new ServerCallContext(
            http, path, timeout is { } d ? timeProvider.GetUtcNow() + d : null, ReadMetadata(request), callSource.Token);
        GrpcServerLog.CallStarted(logger, path, peer);

        GrpcStatus status;
        try
        {
            status = await RunAsync(http, binding!, call, context);
            if (deadlineSource?.IsCancellationRequested == true)
            {
                status = DeadlineExceeded();
            }
        }
        catch (RpcException ex)
        {
            status = deadlineSource?.IsCancellationRequested == true ? DeadlineExceeded() : ex.Status;
            foreach (var (key, value) in ex.Trailers)
            {
                context.ResponseTrailers.AddReceived(key, value);
            }
        }
        catch (Exception) when (deadlineSource?.IsCancellationRequested == true)
        {
            status = DeadlineExceeded();
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client cancelled or the connection dropped: there is nobody to send a status to.
            GrpcServerLog.ClientGone(logger, path, peer);
            return;
        }
        catch (Exception ex)
        {
            // The exception's text stays in the log: it may hold internals the caller must not see.
            GrpcServerLog.HandlerThrew(logger, path, ex);
            status = new GrpcStatus(GrpcStatusCode.Unknown, "Exception was thrown by handler.");
        }

        if (!status.IsOk)
        {
            GrpcServerLog.CallFailed(logger, path, peer, status.Code, status.Detail);
        }

        call.SetStatus(status, context.ResponseTrailers);
    }

    private async Task<GrpcStatus> RunAsync(HttpContext http, GrpcMethodBinding bound, GrpcServerCall call, ServerCallContext context)
    {
        if (authorizer is not null)
        {
            var verdict = await authorizer.AuthorizeAsync(context);
            if (!verdict.IsOk)
            {
                return verdict;
            }
        }

        var encoding = http.Request.Headers[GrpcProtocol.EncodingHeader].ToString();
        var parser = bound.Method.InputType.Parser;
        var reader = http.Request.BodyReader;
        var message = await GrpcFrameReader.ReadMessageAsync(reader, parser, options.MaxReceiveMessageSize, encoding, context.CancellationToken)
            ?? throw new RpcException(GrpcStatusCode.Internal, "Request has no message; a unary or server-streaming call needs exactly one.");
        if (await GrpcFrameReader.ReadMessageAsync(reader, parser, options.MaxReceiveMessageSize, encoding, context.CancellationToken) is not null)
        {
            throw new RpcException(GrpcStatusCode.Internal, "Request has more than one message; a unary or server-streaming call takes exactly one.");
        }

        await bound.Handler(message, call, context);
        return GrpcStatus.Ok;
    }

    private GrpcStatus? CheckCall(HttpRequest request, out TimeSpan? timeout, out string? encoding)
    {
        timeout = null;
        encoding = null;
        if (binding is null || !string.Equals(request.Path.Value, binding.Path, StringComparison.Ordinal))
        {
            return new GrpcStatus(GrpcStatusCode.Unimplemented, $"Method {request.Path.Value} is not implemented.");
        }

        var timeoutText = request.Headers[GrpcProtocol.TimeoutHeader].ToString();
        if (timeoutText.Length > 0)
        {
            if (!GrpcTimeout.TryParse(timeoutText, out var parsed))
            {
                return new GrpcStatus(GrpcStatusCode.Internal, $"Malformed grpc-timeout header '{timeoutText}'.");
            }

            timeout = parsed;
        }

        encoding = request.Headers[GrpcProtocol.EncodingHeader].ToString();
        if (encoding.Length > 0 && !GrpcCompression.IsSupported(encoding))
        {
            return new GrpcStatus(GrpcStatusCode.Unimplemented,
                $"grpc-encoding '{encoding}' is not supported; supported: {GrpcProtocol.SupportedEncodings}.");
        }

        return null;
    }

    private static GrpcMetadata ReadMetadata(HttpRequest request)
    {
        var metadata = new GrpcMetadata();
        foreach (var (key, values) in request.Headers)
        {
            if (GrpcMetadata.IsReserved(key))
            {
                continue;
            }

            foreach (var value in values)
            {
                metadata.AddReceived(key, value ?? string.Empty);
            }
        }

        return metadata;
    }

    private static GrpcStatus DeadlineExceeded() => new(GrpcStatusCode.DeadlineExceeded, "Deadline exceeded.");
}
