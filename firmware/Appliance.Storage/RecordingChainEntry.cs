using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Appliance.Storage;

/// <summary>
/// One link of the recording hash chain: a stored recording (with its file's SHA-256) or the purge of one. Links are
/// ordered by <see cref="Sequence"/> (insertion order); each holds the hash of the link before it, so a link removed,
/// inserted or edited in the table breaks the chain at that point.
/// </summary>
/// <param name="Sequence">Position in the chain, from 1.</param>
/// <param name="Kind"><see cref="RecordingKind"/> or <see cref="PurgeKind"/>.</param>
/// <param name="RecordingId">The recording stored or purged.</param>
/// <param name="Path">Its WAV file.</param>
/// <param name="FileSha256">SHA-256 of the file when stored; null for a purge (or a recording that was not hashed).</param>
/// <param name="PreviousSha256">The <see cref="EntrySha256"/> of the link before (64 zeros for the first).</param>
/// <param name="EntrySha256">SHA-256 over every other field of this link.</param>
/// <param name="At">When the link was appended.</param>
public sealed record RecordingChainEntry(
    long Sequence,
    string Kind,
    string RecordingId,
    string Path,
    string? FileSha256,
    string PreviousSha256,
    string EntrySha256,
    DateTimeOffset At)
{
    /// <summary>A recording stored.</summary>
    public const string RecordingKind = "recording";

    /// <summary>A recording deleted by retention.</summary>
    public const string PurgeKind = "purge";

    /// <summary>The "previous hash" of the first link.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>What <see cref="EntrySha256"/> must be for the other fields as they are now.</summary>
    public string ExpectedEntrySha256() => Hash(Sequence, Kind, RecordingId, Path, FileSha256, PreviousSha256, At);

    /// <summary>Whether <paramref name="value"/> looks like a SHA-256 as stored: 64 lower-case hexadecimal digits.</summary>
    public static bool IsHash(string value) =>
        value.Length == 64 && value.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    internal static string Hash(long sequence, string kind, string recordingId, string path, string? fileSha256, string previous, DateTimeOffset at)
    {
        // Newline-separated so no two different links serialise the same (none of the fields may hold a newline
        // that would matter: ids are validated, and a path with one still hashes unambiguously by position).
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{sequence}\n{kind}\n{recordingId}\n{path}\n{fileSha256 ?? "-"}\n{previous}\n{at.ToUnixTimeMilliseconds()}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
