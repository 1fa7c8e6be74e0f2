using System.Text;
using Appliance.Sip.Messages;

namespace Appliance.Sip.Parsing.Internal;

/// <summary>A cursor over one (unfolded) header value that reads the RFC 3261 building blocks: tokens, quoted strings, SEMI/EQUAL with SWS.</summary>
internal ref struct ValueReader
{
    private readonly ReadOnlySpan<char> _text;
    private readonly string _context;

    public ValueReader(ReadOnlySpan<char> text, string context)
    {
        _text = text;
        _context = context;
        Position = 0;
    }

    public int Position { get; set; }

    public readonly bool AtEnd => Position >= _text.Length;

    public readonly char Current => _text[Position];

    public readonly ReadOnlySpan<char> Remaining => _text[Position..];

    public void SkipWhitespace()
    {
        while (Position < _text.Length && SipGrammar.IsWhitespace(_text[Position]))
        {
            Position++;
        }
    }

    public bool TryConsume(char c)
    {
        SkipWhitespace();
        if (Position < _text.Length && _text[Position] == c)
        {
            Position++;
            SkipWhitespace();
            return true;
        }

        return false;
    }

    public ReadOnlySpan<char> ReadWhile(Func<char, bool> predicate)
    {
        var start = Position;
        while (Position < _text.Length && predicate(_text[Position]))
        {
            Position++;
        }

        return _text[start..Position];
    }

    public string ReadToken(string what)
    {
        SkipWhitespace();
        var token = ReadWhile(SipGrammar.IsToken);
        if (token.IsEmpty)
        {
            throw Fail($"expected {what}");
        }

        return token.ToString();
    }

    /// <summary>Reads a quoted-string, returning it with its quotes and escapes as written (so it can be written back unchanged).</summary>
    public string ReadQuotedString()
    {
        SkipWhitespace();
        if (AtEnd || _text[Position] != '"')
        {
            throw Fail("expected a quoted string");
        }

        var start = Position++;
        while (Position < _text.Length)
        {
            var c = _text[Position];
            if (c == '\\')
            {
                // quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F): CR and LF may not be escaped.
                if (Position + 1 >= _text.Length || _text[Position + 1] is '\r' or '\n' || _text[Position + 1] > '\x7F')
                {
                    throw Fail("bad escape in quoted string");
                }

                Position += 2;
                continue;
            }

            if (c == '"')
            {
                Position++;
                return _text[start..Position].ToString();
            }

            if (char.IsControl(c) && c != '\t')
            {
                throw Fail("control character in quoted string");
            }

            Position++;
        }

        throw Fail("unterminated quoted string");
    }

    /// <summary>Reads *( SEMI generic-param ) into <paramref name="parameters"/>; stops at a comma or the end.</summary>
    public void ReadParameters(SipParameters parameters)
    {
        while (true)
        {
            SkipWhitespace();
            if (AtEnd || _text[Position] != ';')
            {
                return;
            }

            Position++;
            SkipWhitespace();
            var name = ReadWhile(SipGrammar.IsToken);
            if (name.IsEmpty)
            {
                throw Fail("empty parameter name");
            }

            string? value = null;
            if (TryConsume('='))
            {
                value = !AtEnd && _text[Position] == '"' ? ReadQuotedString() : ReadGenericValue();
            }

            parameters.Add(name.ToString(), value);
        }
    }

    public readonly SipParseException Fail(string problem) => new($"Malformed {_context}: {problem}.");

    private string ReadGenericValue()
    {
        // gen-value = token / host / quoted-string; host adds ":" and "[]" for IPv6 references.
        var value = ReadWhile(c => SipGrammar.IsToken(c) || c is ':' or '[' or ']');
        if (value.IsEmpty)
        {
            throw Fail("empty parameter value");
        }

        return value.ToString();
    }

    /// <summary>Removes the quotes and quoted-pair escapes from a quoted-string.</summary>
    public static string Unquote(string quoted)
    {
        if (quoted.Length < 2 || quoted[0] != '"')
        {
            return quoted;
        }

        var builder = new StringBuilder(quoted.Length);
        for (var i = 1; i < quoted.Length - 1; i++)
        {
            if (quoted[i] == '\\' && i + 1 < quoted.Length - 1)
            {
                i++;
            }

            builder.Append(quoted[i]);
        }

        return builder.ToString();
    }
}
