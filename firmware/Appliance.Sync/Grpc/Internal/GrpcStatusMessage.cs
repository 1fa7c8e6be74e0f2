using System.Buffers;
using System.Text;

namespace Appliance.Sync.Grpc.Internal;

/// <summary>
/// The <c>grpc-message</c> encoding: UTF-8, then every byte outside space..'~' (and '%' itself) as %XX.
/// Decoding never fails: a broken %-escape is kept as it is, invalid UTF-8 becomes U+FFFD.
/// </summary>
internal static class GrpcStatusMessage
{
    public static string Encode(string detail)
    {
        if (!NeedsEncoding(detail))
        {
            return detail;
        }

        var bytes = Encoding.UTF8.GetBytes(detail);
        var text = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E && b != '%')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(HexDigit(b >> 4)).Append(HexDigit(b & 0xF));
            }
        }

        return text.ToString();
    }

    public static string Decode(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded))
        {
            return string.Empty;
        }

        if (!encoded.Contains('%', StringComparison.Ordinal))
        {
            return encoded;
        }

        // A raw non-ASCII char can take up to 3 UTF-8 bytes.
        var buffer = ArrayPool<byte>.Shared.Rent(encoded.Length * 3);
        try
        {
            var length = 0;
            for (var i = 0; i < encoded.Length; i++)
            {
                var c = encoded[i];
                if (c == '%' && i + 2 < encoded.Length
                    && TryHex(encoded[i + 1], out var high) && TryHex(encoded[i + 2], out var low))
                {
                    buffer[length++] = (byte)((high << 4) | low);
                    i += 2;
                }
                else
                {
                    // Not a valid escape (or a non-ASCII char a sloppy peer sent raw): keep it, per the spec's leniency.
                    if (c > 0x7F)
                    {
                        length += Encoding.UTF8.GetBytes(encoded.AsSpan(i, 1), buffer.AsSpan(length));
                    }
                    else
                    {
                        buffer[length++] = (byte)c;
                    }
                }
            }

            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool NeedsEncoding(string detail)
    {
        foreach (var c in detail)
        {
            if (c is < ' ' or > '~' or '%')
            {
                return true;
            }
        }

        return false;
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);

    private static bool TryHex(char c, out int value)
    {
        value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'A' and <= 'F' => c - 'A' + 10,
            >= 'a' and <= 'f' => c - 'a' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
