using Appliance.Sip.Parsing;
using Appliance.Sip.Parsing.Internal;

namespace Appliance.Sip.Messages;

/// <summary>CSeq = 1*DIGIT LWS Method, the number below 2^31 (RFC 3261 §8.1.1.5, §20.16).</summary>
public readonly record struct CSeqHeader(long Sequence, string Method)
{
    public const long MaxSequence = int.MaxValue;

    public static CSeqHeader Parse(ReadOnlySpan<char> text)
    {
        text = SipGrammar.TrimWhitespace(text);
        var space = text.IndexOfAny(' ', '\t');
        if (space <= 0)
        {
            throw new SipParseException("Malformed CSeq: expected number and method.");
        }

        if (!SipGrammar.TryParseBoundedNumber(text[..space], MaxSequence, out var sequence))
        {
            throw new SipParseException("Malformed CSeq: sequence number is not a number below 2^31.");
        }

        var method = SipGrammar.TrimWhitespace(text[space..]);
        if (!SipGrammar.IsToken(method))
        {
            throw new SipParseException("Malformed CSeq: bad method.");
        }

        return new CSeqHeader(sequence, method.ToString());
    }

    public override string ToString() => $"{Sequence} {Method}";
}
