using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Appliance.Telephony.Sip;

/// <summary>
/// SIP trunks (gateways and providers) whose calls enter the entry menu without authenticating, known by source
/// address. Section "Sip:Trunks", e.g. <c>Sip:Trunks:Sources:gateway=192.0.2.10</c>.
/// </summary>
public sealed class SipTrunkOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Sip:Trunks";

    /// <summary>Trunk name → source IP address.</summary>
    public Dictionary<string, string> Sources { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, address) in Sources)
        {
            if (!IPAddress.TryParse(address, out var parsed) || parsed.Equals(IPAddress.Any) || parsed.Equals(IPAddress.IPv6Any))
            {
                yield return new ValidationResult($"{SectionName}:Sources:{name} '{address}' is not a single IP address.", [nameof(Sources)]);
            }
        }
    }

    /// <summary>The trunk calling from <paramref name="source"/>, or null for any other address.</summary>
    public string? TrunkFor(IPAddress source)
    {
        var normalized = source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source;
        foreach (var (name, address) in Sources)
        {
            if (IPAddress.TryParse(address, out var parsed) && parsed.Equals(normalized))
            {
                return name;
            }
        }

        return null;
    }
}
