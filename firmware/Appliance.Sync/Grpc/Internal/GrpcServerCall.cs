using System.IO.Pipelines;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace Appliance.Sync.Grpc.Internal;

/// <summary>The response side of one server call: frames out, then the status as trailers (or trailers-only).</summary>
internal sealed class GrpcServerCall(HttpResponse response, bool gzipResponses, bool flushEachMessage, int maxSendMessageSize)
    : IGrpcResponseSink, IDisposable
{
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>True once a message went out, so the status must go in trailers rather than trailers-only headers.</summary>
    public bool HasWrittenMessages { get; private set; }

    public async Task WriteAsync(IMessage message, CancellationToken cancellationToken)
    {
        // A handler that writes from two tasks at once would interleave frames; the gate keeps frames whole.
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            if (!HasWrittenMessages && gzipResponses)
            {
                response.Headers[GrpcProtocol.EncodingHeader] = GrpcProtocol.Gzip;
            }

            GrpcFrameWriter.WriteMessage(response.BodyWriter, message, gzipResponses, maxSendMessageSize);
            HasWrittenMessages = true;
            if (flushEachMessage)
            {
                var result = await response.BodyWriter.FlushAsync(cancellationToken);
                ThrowIfCanceled(result);
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Ends the call with <paramref name="status"/>; safe to call once, after the handler has finished.</summary>
    public void SetStatus(GrpcStatus status, GrpcMetadata trailers)
    {
        var code = ((int)status.Code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!HasWrittenMessages && !response.HasStarted)
        {
            // Trailers-only: the whole answer is one HEADERS frame with END_STREAM.
            response.Headers[GrpcProtocol.StatusHeader] = code;
            if (status.Detail.Length > 0)
            {
                response.Headers[GrpcProtocol.MessageHeader] = GrpcStatusMessage.Encode(status.Detail);
            }

            foreach (var (key, value) in trailers)
            {
                response.Headers.Append(key, value);
            }

            return;
        }

        response.AppendTrailer(GrpcProtocol.StatusHeader, code);
        if (status.Detail.Length > 0)
        {
            response.AppendTrailer(GrpcProtocol.MessageHeader, GrpcStatusMessage.Encode(status.Detail));
        }

        foreach (var (key, value) in trailers)
        {
            response.AppendTrailer(key, value);
        }
    }

    public void Dispose() => _writeGate.Dispose();

    private static void ThrowIfCanceled(FlushResult result)
    {
        if (result.IsCanceled || result.IsCompleted)
        {
            throw new OperationCanceledException("The response stream was closed.");
        }
    }
}
