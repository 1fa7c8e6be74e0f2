using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Appliance.Sip.Auth.Internal;

/// <summary>
/// Stateless nonces: issue time, 8 random bytes and an HMAC-SHA256 over both under a per-process key. The server needs no
/// table of outstanding nonces, yet cannot be fed one it did not make, and knows each nonce's age.
/// </summary>
internal sealed class NonceCodec(byte[] key)
{
    private const int TimeLength = 8;
    private const int RandomLength = 8;
    private const int MacLength = 16;
    private const int Length = TimeLength + RandomLength + MacLength;

    public string Create(DateTimeOffset now)
    {
        Span<byte> nonce = stackalloc byte[Length];
        BinaryPrimitives.WriteInt64BigEndian(nonce, now.ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(nonce.Slice(TimeLength, RandomLength));
        Sign(nonce[..(TimeLength + RandomLength)], nonce[(TimeLength + RandomLength)..]);
        return Convert.ToBase64String(nonce);
    }

    /// <summary>True when we issued <paramref name="nonce"/>; <paramref name="issuedAt"/> is then its issue time.</summary>
    public bool TryOpen(string nonce, out DateTimeOffset issuedAt)
    {
        issuedAt = default;
        Span<byte> bytes = stackalloc byte[Length + 3];
        if (nonce.Length > 64 || !Convert.TryFromBase64String(nonce, bytes, out var written) || written != Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        Sign(bytes[..(TimeLength + RandomLength)], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.Slice(TimeLength + RandomLength, MacLength)))
        {
            return false;
        }

        var milliseconds = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (milliseconds < 0 || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }

    private void Sign(ReadOnlySpan<byte> data, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(key, data, full);
        full[..MacLength].CopyTo(mac);
    }
}
