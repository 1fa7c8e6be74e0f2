using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Appliance.Sync.Grpc.Internal;

/// <summary>
/// One client call over HttpClient: sends the request frame, reads response frames, and turns the trailers (or the
/// trailers-only headers, or a broken HTTP answer) into a status. Every failure surfaces as an <see cref="RpcException"/>.
/// </summary>
internal sealed class GrpcClientCall : IDisposable
{
    private readonly HttpClient _http;
    private readonly MethodDescriptor _method;
    private readonly GrpcClientOptions _options;
    private readonly CancellationTokenSource? _deadlineSource;
    private readonly CancellationTokenSource _callSource;
    private readonly CancellationToken _userToken;
    private HttpResponseMessage? _response;
    private PipeReader? _reader;
    private string? _encoding;

    public GrpcClientCall(HttpClient http, MethodDescriptor method, GrpcClientOptions options, GrpcCallOptions? callOptions, TimeProvider time)
    {
        _http = http;
        _method = method;
        _options = options;
        _userToken = callOptions?.CancellationToken ?? default;
        Timeout = callOptions?.Deadline is { } deadline ? deadline - time.GetUtcNow()
            : options.DefaultTimeoutSeconds > 0 ? TimeSpan.FromSeconds(options.DefaultTimeoutSeconds) : null;
        if (Timeout is { } t && t > TimeSpan.Zero)
        {
            _deadlineSource = new CancellationTokenSource(t, time);
        }

        _callSource = _deadlineSource is null
            ? CancellationTokenSource.CreateLinkedTokenSource(_userToken)
            : CancellationTokenSource.CreateLinkedTokenSource(_userToken, _deadlineSource.Token);
    }

    public TimeSpan? Timeout { get; }

    public string Path => $"/{_method.Service.FullName}/{_method.Name}";

    /// <summary>Sends the request; returns when the response headers are in.</summary>
    public async Task StartAsync(IMessage request, GrpcMetadata? headers)
    {
        if (Timeout is { } t && t <= TimeSpan.Zero)
        {
            throw new RpcException(GrpcStatusCode.DeadlineExceeded, "Deadline exceeded before the call started.");
        }

        var gzip = _options.RequestCompression == GrpcProtocol.Gzip;
        var frame = new System.Buffers.ArrayBufferWriter<byte>();
        GrpcFrameWriter.WriteMessage(frame, request, gzip, _options.MaxSendMessageSize);

        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(Path, UriKind.Relative))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ReadOnlyMemoryContent(frame.WrittenMemory),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(GrpcProtocol.ContentType);
        message.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        message.Headers.TryAddWithoutValidation("user-agent", "grpc-appliance-dotnet/0.1");
        message.Headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.SupportedEncodings);
        if (gzip)
        {
            message.Headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, GrpcProtocol.Gzip);
        }

        if (Timeout is { } timeout)
        {
            message.Headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(timeout));
        }

        foreach (var (key, value) in headers ?? [])
        {
            message.Headers.TryAddWithoutValidation(key, value);
        }

        try
        {
            _response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, _callSource.Token);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex);
        }

        if (_response.StatusCode != HttpStatusCode.OK)
        {
            var code = GrpcProtocol.FromHttpStatus((int)_response.StatusCode);
            throw new RpcException(code, $"Bad gRPC response: HTTP status {(int)_response.StatusCode}.");
        }

        if (ReadStatus(_response.Headers) is { } trailersOnly)
        {
            throw new RpcException(trailersOnly, ReadMetadata(_response.Headers));
        }

        if (!GrpcProtocol.IsProtoContentType(_response.Content.Headers.ContentType?.ToString()))
        {
            throw new RpcException(GrpcStatusCode.Unknown,
                $"Bad gRPC response: content-type '{_response.Content.Headers.ContentType}' is not application/grpc.");
        }

        _encoding = _response.Headers.TryGetValues(GrpcProtocol.EncodingHeader, out var encodings) ? encodings.FirstOrDefault() : null;
        try
        {
            _reader = PipeReader.Create(await _response.Content.ReadAsStreamAsync(_callSource.Token));
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex);
        }
    }

    /// <summary>The next response message, or null after the last one once the status is OK (otherwise throws).</summary>
    public async Task<IMessage?> ReadNextAsync()
    {
        IMessage? message;
        try
        {
            message = await GrpcFrameReader.ReadMessageAsync(
                _reader!, _method.OutputType.Parser, _options.MaxReceiveMessageSize, _encoding, _callSource.Token);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex);
        }
        catch (RpcException)
        {
            // A bad frame from the server: stop the stream instead of reading on.
            _response?.Dispose();
            throw;
        }

        if (message is not null)
        {
            return message;
        }

        var status = ReadStatus(_response!.TrailingHeaders)
            ?? new GrpcStatus(GrpcStatusCode.Internal, "Bad gRPC response: no grpc-status in the trailers.");
        if (!status.IsOk)
        {
            throw new RpcException(status, ReadMetadata(_response.TrailingHeaders));
        }

        return null;
    }

    public void Dispose()
    {
        _response?.Dispose();
        _callSource.Dispose();
        _deadlineSource?.Dispose();
    }

    private RpcException Translate(Exception ex)
    {
        if (_deadlineSource?.IsCancellationRequested == true)
        {
            return new RpcException(new GrpcStatus(GrpcStatusCode.DeadlineExceeded, "Deadline exceeded."), null, ex);
        }

        if (_userToken.IsCancellationRequested)
        {
            return new RpcException(new GrpcStatus(GrpcStatusCode.Cancelled, "Call cancelled by the client."), null, ex);
        }

        var reset = ex as HttpProtocolException ?? ex.InnerException as HttpProtocolException;
        if (reset is not null)
        {
            // RST_STREAM codes mapped as the protocol document's table says.
            var code = reset.ErrorCode switch
            {
                8 => GrpcStatusCode.Cancelled,
                7 => GrpcStatusCode.Unavailable,
                11 => GrpcStatusCode.ResourceExhausted,
                12 => GrpcStatusCode.PermissionDenied,
                _ => GrpcStatusCode.Internal,
            };
            return new RpcException(new GrpcStatus(code, $"Stream reset by the server (HTTP/2 error {reset.ErrorCode})."), null, ex);
        }

        return new RpcException(new GrpcStatus(GrpcStatusCode.Unavailable, $"Connection to the server failed: {ex.Message}"), null, ex);
    }

    private static GrpcStatus? ReadStatus(HttpHeaders headers)
    {
        if (!headers.TryGetValues(GrpcProtocol.StatusHeader, out var values))
        {
            return null;
        }

        var text = values.FirstOrDefault();
        var detail = headers.TryGetValues(GrpcProtocol.MessageHeader, out var messages) ? GrpcStatusMessage.Decode(messages.FirstOrDefault()) : string.Empty;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 0 and <= 16
            ? new GrpcStatus((GrpcStatusCode)code, detail)
            : new GrpcStatus(GrpcStatusCode.Unknown, $"Bad gRPC response: grpc-status '{text}' is not a status code. {detail}");
    }

    private static GrpcMetadata ReadMetadata(HttpHeaders headers)
    {
        var metadata = new GrpcMetadata();
        foreach (var (key, values) in headers.NonValidated)
        {
            if (!GrpcMetadata.IsReserved(key))
            {
                foreach (var value in values)
                {
                    metadata.AddReceived(key, value);
                }
            }
        }

        return metadata;
    }
}
