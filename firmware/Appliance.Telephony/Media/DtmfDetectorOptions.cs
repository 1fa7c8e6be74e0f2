namespace Appliance.Telephony.Media;

/// <summary>
/// Settings of the in-band DTMF receiver (section <see cref="SectionName"/>). The defaults meet ITU-T Q.24: tones of
/// -10..-25 dBm0 each, up to 4 dB high-group and 8 dB low-group excess, ±1.5 % accepted and ±3.5 % rejected.
/// </summary>
public sealed class DtmfDetectorOptions
{
    /// <summary>Configuration section these options are bound from.</summary>
    public const string SectionName = "Telephony:Dtmf";

    /// <summary>Weakest tone (each of the pair) that is accepted, in dBm0. Range -60..-10.</summary>
    public double MinimumToneLevelDbm0 { get; set; } = -35;

    /// <summary>How much stronger the high (column) tone may be than the low one, in dB. Range 0..20.</summary>
    public double MaximumHighGroupExcessDb { get; set; } = 6;

    /// <summary>How much stronger the low (row) tone may be than the high one, in dB. Range 0..20.</summary>
    public double MaximumLowGroupExcessDb { get; set; } = 10;

    /// <summary>
    /// Largest frequency deviation accepted, in percent of the nominal frequency. Q.24 asks to accept 1.5 % and reject
    /// 3.5 %, so the range is 1.6..3.4.
    /// </summary>
    public double FrequencyTolerancePercent { get; set; } = 2.5;
}
