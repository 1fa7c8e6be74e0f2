using System.Security.Cryptography;
using System.Text;

namespace Appliance.HeadOffice.Branches.Internal;

/// <summary>
/// Makes and checks branch keys. A key is 32 random bytes, so a salted SHA-256 suffices: there is no password to
/// guess, and a slow hash would cost every sync call without adding strength.
/// </summary>
internal static class BranchKeyHasher
{
    private const int KeyBytes = 32;
    private const int SaltBytes = 16;

    public static string NewKey() => Base64Url(RandomNumberGenerator.GetBytes(KeyBytes));

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltBytes);

    public static byte[] Hash(byte[] salt, string key)
    {
        var keyBytes = Encoding.UTF8.GetBytes(key);
        var input = new byte[salt.Length + keyBytes.Length];
        salt.CopyTo(input, 0);
        keyBytes.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }

    /// <summary>Constant-time comparison, so response timing tells nothing about how much of a key was right.</summary>
    public static bool Matches(byte[] salt, byte[] expectedHash, string key) =>
        CryptographicOperations.FixedTimeEquals(Hash(salt, key), expectedHash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
