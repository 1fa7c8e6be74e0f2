using System.ComponentModel.DataAnnotations;

namespace Appliance.Sip.Parsing;

/// <summary>Limits that bound what one peer can make the parser do. Bound from the "Sip:Parser" section.</summary>
public sealed class SipParserOptions
{
    public const string SectionName = "Sip:Parser";

    /// <summary>Largest message accepted, headers and body together (bytes); larger gets 513.</summary>
    [Range(512, 1_048_576)]
    public int MaxMessageSize { get; set; } = 65_535;

    /// <summary>Most header fields (after unfolding and list splitting) a message may carry.</summary>
    [Range(8, 1_000)]
    public int MaxHeaderCount { get; set; } = 128;

    /// <summary>Longest physical line of the header section (bytes, without CRLF).</summary>
    [Range(80, 65_535)]
    public int MaxLineLength { get; set; } = 4_096;
}
