using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Appliance.Telephony.Sip;

/// <summary>Where SIP calls send and receive RTP/RTCP. Section "Sip:Media".</summary>
public sealed class SipMediaOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Sip:Media";

    /// <summary>The local address RTP and RTCP sockets bind to; 0.0.0.0 binds every IPv4 interface.</summary>
    [Required]
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>
    /// The address written in SDP and Contact headers, where peers reach the box. Empty means the SIP listen address,
    /// or this host's first non-loopback IPv4 address when that is 0.0.0.0.
    /// </summary>
    public string AdvertisedAddress { get; set; } = string.Empty;

    /// <summary>The lowest RTP port (even; RTCP uses the next odd one).</summary>
    [Range(1024, 65_532)]
    public int RtpPortMin { get; set; } = 16_384;

    /// <summary>The highest RTP port.</summary>
    [Range(1026, 65_534)]
    public int RtpPortMax { get; set; } = 32_766;

    /// <summary>How many RTP ports to try before a call is refused for want of one.</summary>
    [Range(1, 1000)]
    public int PortAttempts { get; set; } = 50;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            yield return new ValidationResult($"{SectionName}:BindAddress '{BindAddress}' is not an IP address.", [nameof(BindAddress)]);
        }

        if (AdvertisedAddress.Length > 0 && (!IPAddress.TryParse(AdvertisedAddress, out var advertised) || advertised.Equals(IPAddress.Any)))
        {
            yield return new ValidationResult($"{SectionName}:AdvertisedAddress '{AdvertisedAddress}' is not a usable IP address.", [nameof(AdvertisedAddress)]);
        }

        if (RtpPortMax < RtpPortMin + 2)
        {
            yield return new ValidationResult($"{SectionName}:RtpPortMax must be at least RtpPortMin + 2.", [nameof(RtpPortMax)]);
        }
    }
}
