using Appliance.Telephony.Media;

namespace Appliance.Telephony.Analog;

/// <summary>Which busy tone the exchanges of a country play after the far end hangs up.</summary>
public static class BusyToneProfiles
{
    /// <summary>The profile for a country code (CN, US, EU, GB).</summary>
    /// <exception cref="ArgumentException">The country has no known busy tone.</exception>
    public static CallProgressToneProfile For(string country) => country.ToUpperInvariant() switch
    {
        "CN" => CallProgressToneProfile.China,
        "US" or "CA" => CallProgressToneProfile.NorthAmerica,
        "EU" or "GB" or "UK" => CallProgressToneProfile.Europe,
        _ => throw new ArgumentException($"No busy tone is known for country '{country}'.", nameof(country)),
    };
}
