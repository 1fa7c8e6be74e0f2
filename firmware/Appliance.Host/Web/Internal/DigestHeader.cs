using System.Text;

namespace Appliance.Host.Web.Internal;

/// <summary>
/// Reads the parameters of an HTTP Digest Authorization header (RFC 7616 §3.4): <c>Digest name=token, name="quoted"</c>,
/// quoted strings with backslash escapes. Null for anything else, so a malformed header is refused, never guessed at.
/// </summary>
internal static class DigestHeader
{
    private const int MaxParameters = 20;

    public static Dictionary<string, string>? TryParse(string header)
    {
        if (!header.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = "Digest ".Length;
        while (i < header.Length)
        {
            while (i < header.Length && header[i] is ' ' or ',' or '\t')
            {
                i++;
            }

            if (i == header.Length)
            {
                break;
            }

            var equals = header.IndexOf('=', i);
            if (equals <= i || result.Count >= MaxParameters)
            {
                return null;
            }

            var name = header[i..equals].Trim();
            i = equals + 1;
            string value;
            if (i < header.Length && header[i] == '"')
            {
                var text = new StringBuilder();
                for (i++; i < header.Length && header[i] != '"'; i++)
                {
                    if (header[i] == '\\' && i + 1 < header.Length)
                    {
                        i++;
                    }

                    text.Append(header[i]);
                }

                if (i >= header.Length)
                {
                    return null; // an unterminated quoted string
                }

                i++;
                value = text.ToString();
            }
            else
            {
                var end = header.IndexOf(',', i);
                end = end < 0 ? header.Length : end;
                value = header[i..end].Trim();
                i = end;
            }

            if (name.Length == 0 || !result.TryAdd(name, value))
            {
                return null;
            }
        }

        return result;
    }
}
