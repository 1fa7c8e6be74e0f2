using System.Security.Cryptography;
using System.Text;

namespace Appliance.Sip.Auth.Internal;

/// <summary>H() and KD() of RFC 2617 §3.2.2 for each algorithm, as lowercase hex.</summary>
internal static class DigestHash
{
    public static string Name(DigestAlgorithm algorithm) => algorithm == DigestAlgorithm.Sha256 ? "SHA-256" : "MD5";

    public static bool TryParseName(string? name, out DigestAlgorithm algorithm)
    {
        // An absent algorithm parameter means MD5 (RFC 2617 §3.2.1).
        algorithm = DigestAlgorithm.Md5;
        if (name is null || name.Equals("MD5", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (name.Equals("SHA-256", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = DigestAlgorithm.Sha256;
            return true;
        }

        return false;
    }

    public static string Hex(DigestAlgorithm algorithm, string text)
    {
        var input = Encoding.UTF8.GetBytes(text);
        Span<byte> hash = stackalloc byte[32];
        var length = algorithm == DigestAlgorithm.Sha256 ? SHA256.HashData(input, hash) : MD5.HashData(input, hash);
        return Convert.ToHexStringLower(hash[..length]);
    }
}
