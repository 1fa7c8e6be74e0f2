using System.Text;

namespace Appliance.Sip.Auth.Internal;

/// <summary>
/// Reads and writes the "Digest k=v, k="v"" lists of WWW-Authenticate and Authorization (RFC 2617 §3.2, RFC 3261 §25.1).
/// Reading is bounded and never throws: a value that breaks the grammar makes the whole header unusable.
/// </summary>
internal static class DigestParameters
{
    private const int MaxParameters = 32;

    public static Dictionary<string, string>? TryParse(string? headerValue)
    {
        if (headerValue is null || !headerValue.StartsWith("Digest", StringComparison.OrdinalIgnoreCase)
            || headerValue.Length < 7 || !char.IsWhiteSpace(headerValue[6]))
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = headerValue.AsSpan(7);
        var i = 0;
        while (true)
        {
            i = SkipSpaces(text, i);
            if (i >= text.Length)
            {
                return result.Count == 0 ? null : result;
            }

            var nameStart = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_'))
            {
                i++;
            }

            var name = text[nameStart..i].ToString();
            i = SkipSpaces(text, i);
            if (name.Length == 0 || i >= text.Length || text[i] != '=')
            {
                return null;
            }

            i = SkipSpaces(text, i + 1);
            string? value = i < text.Length && text[i] == '"' ? ReadQuoted(text, ref i) : ReadToken(text, ref i);
            if (value is null || !result.TryAdd(name, value) || result.Count > MaxParameters)
            {
                return null;
            }

            i = SkipSpaces(text, i);
            if (i < text.Length && text[i] != ',')
            {
                return null;
            }

            i++;
        }
    }

    public static void AppendQuoted(StringBuilder builder, string name, string value)
    {
        builder.Append(name).Append("=\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        builder.Append('"');
    }

    private static int SkipSpaces(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    private static string? ReadQuoted(ReadOnlySpan<char> text, ref int i)
    {
        var builder = new StringBuilder();
        for (i++; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                i++;
                return builder.ToString();
            }

            if (c == '\\')
            {
                if (++i >= text.Length)
                {
                    return null;
                }

                c = text[i];
            }

            if (char.IsControl(c))
            {
                return null;
            }

            builder.Append(c);
        }

        return null;
    }

    private static string? ReadToken(ReadOnlySpan<char> text, ref int i)
    {
        var start = i;
        while (i < text.Length && text[i] is not (',' or ' ' or '\t' or '"') && !char.IsControl(text[i]))
        {
            i++;
        }

        return i == start ? null : text[start..i].ToString();
    }
}
