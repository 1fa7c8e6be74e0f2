using System.Collections;
using System.Text;

namespace Appliance.Sync.Grpc;

/// <summary>
/// Custom metadata of a call (request headers or response trailers): an ordered list of key/value pairs.
/// Keys are lower-case; keys ending in <c>-bin</c> carry base64 text of binary values. Keys starting with
/// <c>grpc-</c> are reserved for the protocol and refused, so application metadata cannot forge a status.
/// </summary>
public sealed class GrpcMetadata : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _entries = [];

    /// <summary>How many entries there are.</summary>
    public int Count => _entries.Count;

    /// <summary>Adds an ASCII entry.</summary>
    /// <exception cref="ArgumentException">The key or the value is not allowed in gRPC metadata.</exception>
    public void Add(string key, string value)
    {
        ValidateKey(key);
        if (key.EndsWith("-bin", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Metadata key '{key}' is binary: add a byte array.", nameof(key));
        }

        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                throw new ArgumentException($"Metadata value for '{key}' must be printable ASCII.", nameof(value));
            }
        }

        _entries.Add(new(key, value.Trim()));
    }

    /// <summary>Adds a binary entry; <paramref name="key"/> must end in <c>-bin</c>.</summary>
    public void Add(string key, ReadOnlySpan<byte> value)
    {
        ValidateKey(key);
        if (!key.EndsWith("-bin", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Binary metadata key '{key}' must end in '-bin'.", nameof(key));
        }

        // The spec asks senders for unpadded base64.
        _entries.Add(new(key, Convert.ToBase64String(value).TrimEnd('=')));
    }

    /// <summary>The last value for <paramref name="key"/>, or null.</summary>
    public string? Get(string key)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return _entries[i].Value;
            }
        }

        return null;
    }

    /// <summary>The decoded binary value for a <c>-bin</c> key, or null; accepts padded and unpadded base64.</summary>
    public byte[]? GetBytes(string key)
    {
        var text = Get(key);
        if (text is null)
        {
            return null;
        }

        var padded = text.Length % 4 == 0 ? text : text + new string('=', 4 - (text.Length % 4));
        return Convert.FromBase64String(padded);
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Adds without the reserved-key check: for copying headers the transport itself received.</summary>
    internal void AddReceived(string key, string value) => _entries.Add(new(key, value));

    /// <summary>True for names the transport sets or reads itself, which must not travel as custom metadata.</summary>
    internal static bool IsReserved(string key) =>
        key.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(':')
        || key is "content-type" or "te" or "host" or "connection" or "user-agent" or "content-length" or "transfer-encoding";

    private static void ValidateKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("Metadata key must not be empty.", nameof(key));
        }

        foreach (var c in key)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
            {
                throw new ArgumentException(
                    $"Metadata key '{key}' may contain only lower-case letters, digits, '-', '_' and '.'.", nameof(key));
            }
        }

        if (IsReserved(key))
        {
            throw new ArgumentException($"Metadata key '{key}' is reserved by the gRPC protocol.", nameof(key));
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (key, value) in _entries)
        {
            text.Append(key).Append('=').Append(value).Append(';');
        }

        return text.ToString();
    }
}
