namespace Appliance.Telephony.Media;

/// <summary>Settings of the on-hook caller-ID receiver (section <see cref="SectionName"/>).</summary>
public sealed class CallerIdReceiverOptions
{
    /// <summary>Configuration section these options are bound from.</summary>
    public const string SectionName = "Telephony:CallerId";

    /// <summary>FSK tones to listen for; Auto decodes both Bell 202 and V.23.</summary>
    public CallerIdModulation Modulation { get; set; } = CallerIdModulation.Auto;

    /// <summary>Weakest FSK signal decoded, in dBm0 (range -60..-10); quieter audio is treated as no carrier.</summary>
    public double MinimumLevelDbm0 { get; set; } = -45;
}
