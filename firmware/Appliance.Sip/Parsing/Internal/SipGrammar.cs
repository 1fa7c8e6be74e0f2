namespace Appliance.Sip.Parsing.Internal;

/// <summary>Character classes of the RFC 3261 §25 ABNF, as lookups so the hot parse loops stay branch-light.</summary>
internal static class SipGrammar
{
    private const string TokenMarks = "-.!%*_+`'~";
    private const string WordExtras = "()<>:\\\"/[]?{}";
    private const string UnreservedMarks = "-_.!~*'()";
    private const string UserUnreserved = "&=+$,;?/";
    private const string PasswordExtras = "&=+$,";
    private const string ParamUnreserved = "[]/:&+$";
    private const string HeaderUnreserved = "[]/?:+$";

    public static bool IsAlphaNumeric(char c) => char.IsAsciiLetterOrDigit(c);

    public static bool IsToken(char c) => IsAlphaNumeric(c) || TokenMarks.Contains(c, StringComparison.Ordinal);

    public static bool IsWord(char c) => IsToken(c) || WordExtras.Contains(c, StringComparison.Ordinal);

    public static bool IsUnreserved(char c) => IsAlphaNumeric(c) || UnreservedMarks.Contains(c, StringComparison.Ordinal);

    public static bool IsUserChar(char c) => IsUnreserved(c) || UserUnreserved.Contains(c, StringComparison.Ordinal);

    public static bool IsPasswordChar(char c) => IsUnreserved(c) || PasswordExtras.Contains(c, StringComparison.Ordinal);

    public static bool IsParamChar(char c) => IsUnreserved(c) || ParamUnreserved.Contains(c, StringComparison.Ordinal);

    public static bool IsHeaderChar(char c) => IsUnreserved(c) || HeaderUnreserved.Contains(c, StringComparison.Ordinal);

    public static bool IsWhitespace(char c) => c is ' ' or '\t';

    public static bool IsToken(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsToken(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsWord(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsWord(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks that every character is allowed by <paramref name="allowed"/> or is a well-formed "%" HEXDIG HEXDIG escape.</summary>
    public static bool IsEscapedRun(ReadOnlySpan<char> text, Func<char, bool> allowed)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!allowed(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses 1*DIGIT (leading zeros allowed) no larger than <paramref name="max"/>; huge digit runs fail instead of overflowing.</summary>
    public static bool TryParseBoundedNumber(ReadOnlySpan<char> text, long max, out long value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
            if (value > max)
            {
                return false;
            }
        }

        return true;
    }

    public static ReadOnlySpan<char> TrimWhitespace(ReadOnlySpan<char> text) => text.Trim(" \t");
}
