using System.ComponentModel.DataAnnotations;
using System.Net;
using Appliance.Sip.Registrar;

namespace Appliance.Telephony.Sip;

/// <summary>
/// SIP trunks (gateways and providers) whose calls enter the entry menu without authenticating, known by source
/// address (<c>Sip:Trunks:Sources:gateway=192.0.2.10</c>) or by the registration the box keeps at a provider
/// (<c>Sip:Trunks:Registrations:0:Name=provider</c>, <c>…:Registrar=sip:203.0.113.5</c>, <c>…:User</c>, <c>…:Password</c>).
/// Section "Sip:Trunks".
/// </summary>
public sealed class SipTrunkOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Sip:Trunks";

    /// <summary>Trunk name → source IP address.</summary>
    public Dictionary<string, string> Sources { get; } = new(StringComparer.Ordinal);

    /// <summary>Providers the box registers with; their registrar's (and outbound proxy's) calls count as trunk calls.</summary>
    public List<SipRegistrationAccount> Registrations { get; } = [];

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

        foreach (var error in Registrations.SelectMany(account => account.Validate(validationContext)))
        {
            yield return error;
        }

        foreach (var duplicate in Registrations.GroupBy(a => a.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new ValidationResult($"{SectionName}:Registrations: the name '{duplicate.Key}' is used twice.", [nameof(Registrations)]);
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
