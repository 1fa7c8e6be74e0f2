using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;

namespace Appliance.Sync.Grpc.Internal;

/// <summary>
/// Reads Length-Prefixed-Messages (Compressed-Flag, 4-byte big-endian Message-Length, Message) from a pipe.
/// Everything wrong with the bytes becomes an <see cref="RpcException"/>: INTERNAL for malformed framing or a message
/// that does not parse, RESOURCE_EXHAUSTED for a length over the limit (refused from the header alone, before
/// the body is buffered).
/// </summary>
internal static class GrpcFrameReader
{
    /// <summary>
    /// Reads and parses the next message, or returns null when the stream ends cleanly between messages.
    /// </summary>
    /// <param name="encoding">The peer's grpc-encoding, or null for identity.</param>
    public static async ValueTask<IMessage?> ReadMessageAsync(
        PipeReader reader, MessageParser parser, int maxMessageSize, string? encoding, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            var consumed = buffer.Start;
            var examined = buffer.End;
            try
            {
                if (TryReadFrame(buffer, maxMessageSize, out var compressed, out var payload))
                {
                    consumed = payload.End;

                    // Only this frame was examined: a next frame already buffered must be returned by the next read
                    // without waiting for more bytes (marking it examined stalled live streams until the next write).
                    examined = consumed;
                    return Parse(payload, compressed, parser, maxMessageSize, encoding);
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    if (buffer.IsEmpty && result.IsCompleted)
                    {
                        return null;
                    }

                    throw new RpcException(GrpcStatusCode.Internal,
                        $"Stream ended inside a gRPC message frame ({buffer.Length} bytes of an incomplete frame).");
                }
            }
            finally
            {
                reader.AdvanceTo(consumed, examined);
            }
        }
    }

    /// <summary>
    /// True when <paramref name="buffer"/> starts with a whole frame; <paramref name="payload"/> is then its message bytes.
    /// </summary>
    public static bool TryReadFrame(
        in ReadOnlySequence<byte> buffer, int maxMessageSize, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < GrpcProtocol.FrameHeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[GrpcProtocol.FrameHeaderSize];
        buffer.Slice(0, GrpcProtocol.FrameHeaderSize).CopyTo(header);
        compressed = header[0] switch
        {
            0 => false,
            1 => true,
            _ => throw new RpcException(GrpcStatusCode.Internal,
                $"Invalid gRPC frame: compressed flag is {header[0]}, must be 0 or 1."),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxMessageSize)
        {
            throw new RpcException(GrpcStatusCode.ResourceExhausted,
                $"Received message of {length} bytes exceeds the limit of {maxMessageSize} bytes.");
        }

        if (buffer.Length - GrpcProtocol.FrameHeaderSize < length)
        {
            return false;
        }

        payload = buffer.Slice(GrpcProtocol.FrameHeaderSize, length);
        return true;
    }

    private static IMessage Parse(
        ReadOnlySequence<byte> payload, bool compressed, MessageParser parser, int maxMessageSize, string? encoding)
    {
        try
        {
            if (!compressed)
            {
                return parser.ParseFrom(payload);
            }

            if (encoding is null || encoding.Equals(GrpcProtocol.Identity, StringComparison.OrdinalIgnoreCase))
            {
                throw new RpcException(GrpcStatusCode.Internal,
                    "Invalid gRPC frame: compressed flag is set but no grpc-encoding was given.");
            }

            var buffer = GrpcCompression.Decompress(payload, maxMessageSize, out var length);
            try
            {
                return parser.ParseFrom(buffer.AsSpan(0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new RpcException(
                new GrpcStatus(GrpcStatusCode.Internal, $"Message is not a valid {parser.GetType().GenericTypeArguments.FirstOrDefault()?.Name ?? "protobuf message"}: {ex.Message}"),
                null,
                ex);
        }
    }
}
