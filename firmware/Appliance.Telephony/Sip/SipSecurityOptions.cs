using System.ComponentModel.DataAnnotations;

namespace Appliance.Telephony.Sip;

/// <summary>Defences against scanning and toll fraud for requests not from a trunk. Section "Sip:Security".</summary>
public sealed class SipSecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Sip:Security";

    /// <summary>This many failed authentications from one address within <see cref="FailureWindowSeconds"/> bans it.</summary>
    [Range(1, 1000)]
    public int MaxFailures { get; set; } = 5;

    /// <summary>The window failures are counted in.</summary>
    [Range(1, 86_400)]
    public int FailureWindowSeconds { get; set; } = 60;

    /// <summary>How long a ban lasts; every request from a banned address is refused with 403 meanwhile.</summary>
    [Range(1, 604_800)]
    public int BanSeconds { get; set; } = 600;

    /// <summary>Requests without credentials accepted per address per second; more are refused with 503 (a scanner's pace).</summary>
    [Range(1, 10_000)]
    public int UnauthenticatedPerSecond { get; set; } = 10;

    /// <summary>
    /// Digest algorithms challenged with, in preference order (RFC 8760: one challenge each). Some phones and SIPp read only
    /// the first challenge; "MD5" alone, or "MD5,SHA-256", lets those register.
    /// </summary>
    [Required]
    [RegularExpression("^(MD5|SHA-256)(,(MD5|SHA-256))?$", ErrorMessage = "must be MD5, SHA-256 or both, comma-separated, each once")]
    public string DigestAlgorithms { get; set; } = "SHA-256,MD5";
}
