using System.Text;

namespace Appliance.Sip.Transport.Internal;

/// <summary>
/// The header section of a request the parser refused, read leniently: unfolded lines (§7.3.1) and the values of a
/// header by its long or compact name, so an error response can still echo what a client needs to match it.
/// </summary>
internal sealed class RawRequestHeaders
{
    private readonly List<string> _lines;

    private RawRequestHeaders(List<string> lines)
    {
        _lines = lines;
    }

    public string StartLine => _lines[0];

    /// <summary>An ACK is never answered (§17.1.1.3) and neither is a response (§16.7).</summary>
    public bool MustNotBeAnswered =>
        StartLine.StartsWith("ACK ", StringComparison.Ordinal) || StartLine.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The unfolded lines before the first empty one; null when there are none.</summary>
    public static RawRequestHeaders? Read(ReadOnlySpan<byte> raw)
    {
        while (raw.StartsWith("\r\n"u8))
        {
            raw = raw[2..];
        }

        var headerEnd = raw.IndexOf("\r\n\r\n"u8);
        var text = Encoding.UTF8.GetString(headerEnd < 0 ? raw : raw[..headerEnd]);
        var lines = Unfold(text);
        return lines.Count == 0 ? null : new RawRequestHeaders(lines);
    }

    /// <summary>The values of every line of the header <paramref name="name"/> (or its compact form), trimmed, in order.</summary>
    public IEnumerable<string> Values(string name, string compact)
    {
        foreach (var line in _lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var lineName = line.AsSpan(0, colon).Trim(" \t");
            if (lineName.Equals(name, StringComparison.OrdinalIgnoreCase) || (compact.Length > 0 && lineName.Equals(compact, StringComparison.OrdinalIgnoreCase)))
            {
                yield return line[(colon + 1)..].Trim(' ', '\t');
            }
        }
    }

    /// <summary>Joins continuation lines so a folded header is still found.</summary>
    private static List<string> Unfold(string text)
    {
        var lines = new List<string>();
        foreach (var line in text.Split("\r\n"))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && lines.Count > 0)
            {
                lines[^1] += " " + line.Trim(' ', '\t');
            }
            else if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
