using System.Security.Cryptography;

namespace Appliance.Core.Recording;

/// <summary>The SHA-256 of recording files as the hash chain stores it (lower-case hex).</summary>
public static class RecordingHash
{
    /// <summary>Hashes the file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
