using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace Appliance.Sync.Grpc.Internal;

/// <summary>Writes Length-Prefixed-Messages straight into the transport's buffer.</summary>
internal static class GrpcFrameWriter
{
    /// <summary>
    /// Serializes <paramref name="message"/> as one frame. Uncompressed frames are written in place without a
    /// temporary copy; gzip frames go through a pooled scratch buffer because the length prefix is the compressed size.
    /// </summary>
    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when the message is over <paramref name="maxMessageSize"/>.</exception>
    public static void WriteMessage(IBufferWriter<byte> writer, IMessage message, bool gzip, int maxMessageSize)
    {
        var size = message.CalculateSize();
        if (size > maxMessageSize)
        {
            throw new RpcException(GrpcStatusCode.ResourceExhausted,
                $"Sending message of {size} bytes exceeds the limit of {maxMessageSize} bytes.");
        }

        if (!gzip)
        {
            var span = writer.GetSpan(GrpcProtocol.FrameHeaderSize + size);
            span[0] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
            message.WriteTo(span.Slice(GrpcProtocol.FrameHeaderSize, size));
            writer.Advance(GrpcProtocol.FrameHeaderSize + size);
            return;
        }

        var plain = ArrayPool<byte>.Shared.Rent(Math.Max(1, size));
        try
        {
            message.WriteTo(plain.AsSpan(0, size));
            var compressed = GrpcCompression.Compress(plain.AsSpan(0, size), out var length);
            try
            {
                var span = writer.GetSpan(GrpcProtocol.FrameHeaderSize + length);
                span[0] = 1;
                BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)length);
                compressed.AsSpan(0, length).CopyTo(span[GrpcProtocol.FrameHeaderSize..]);
                writer.Advance(GrpcProtocol.FrameHeaderSize + length);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(compressed);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain);
        }
    }
}
