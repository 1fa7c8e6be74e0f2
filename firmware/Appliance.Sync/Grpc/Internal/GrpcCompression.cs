using System.Buffers;
using System.IO.Compression;

namespace Appliance.Sync.Grpc.Internal;

/// <summary>
/// Per-message gzip (each message is its own gzip member: gRPC keeps no compression context across messages).
/// Not on a media path, so a pooled scratch buffer per message is fine.
/// </summary>
internal static class GrpcCompression
{
    /// <summary>True for encodings this transport can decode.</summary>
    public static bool IsSupported(string encoding) =>
        encoding.Equals(GrpcProtocol.Identity, StringComparison.OrdinalIgnoreCase)
        || encoding.Equals(GrpcProtocol.Gzip, StringComparison.OrdinalIgnoreCase);

    /// <summary>Compresses <paramref name="data"/> into a pooled buffer that the caller must return.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> data, out int length)
    {
        using var output = new MemoryStream(Math.Max(64, data.Length / 2));
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        length = (int)output.Length;
        var pooled = ArrayPool<byte>.Shared.Rent(length);
        output.GetBuffer().AsSpan(0, length).CopyTo(pooled);
        return pooled;
    }

    /// <summary>
    /// Decompresses into a pooled buffer that the caller must return. The limit applies to the decompressed size,
    /// so a small "zip bomb" frame is refused before it can use much memory.
    /// </summary>
    /// <exception cref="RpcException">INTERNAL for corrupt data, RESOURCE_EXHAUSTED past the limit.</exception>
    public static byte[] Decompress(ReadOnlySequence<byte> compressed, int maxDecompressedSize, out int length)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxDecompressedSize + 1L, Math.Max(256, compressed.Length * 4)));
        length = 0;
        try
        {
            using var input = new SequenceStream(compressed);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxDecompressedSize)
                    {
                        throw new RpcException(GrpcStatusCode.ResourceExhausted,
                            $"Decompressed message is larger than the limit of {maxDecompressedSize} bytes.");
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxDecompressedSize + 1L, buffer.Length * 2L));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = gzip.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxDecompressedSize)
                {
                    throw new RpcException(GrpcStatusCode.ResourceExhausted,
                        $"Decompressed message is larger than the limit of {maxDecompressedSize} bytes.");
                }
            }

            return buffer;
        }
        catch (InvalidDataException ex)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new RpcException(new GrpcStatus(GrpcStatusCode.Internal, "Message is not valid gzip data."), null, ex);
        }
        catch (RpcException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
