namespace Appliance.Telephony.Media;

/// <summary>
/// The one place this assembly defines audio levels. Audio is 8 kHz 16-bit linear mono; 0 dBm0 is a sine whose peak is
/// 22 813, which is what the G.711 digital milliwatt decodes to. A full-scale sine is then about +3.1 dBm0.
/// </summary>
public static class AudioLevel
{
    /// <summary>Peak of a 0 dBm0 sine in 16-bit linear samples.</summary>
    public const double ZeroDbm0Peak = 22_813.0;

    /// <summary>Mean-square power of 0 dBm0 in squared sample units.</summary>
    public const double ZeroDbm0Power = ZeroDbm0Peak * ZeroDbm0Peak / 2.0;

    /// <summary>What silence (all zero samples) reports, instead of minus infinity.</summary>
    public const double SilenceDbm0 = -120.0;

    /// <summary>Peak amplitude of a sine at <paramref name="levelDbm0"/>.</summary>
    public static double SinePeak(double levelDbm0) => ZeroDbm0Peak * Math.Pow(10.0, levelDbm0 / 20.0);

    /// <summary>dBm0 of a mean-square power in squared sample units.</summary>
    public static double PowerToDbm0(double meanSquare) =>
        meanSquare <= 0 ? SilenceDbm0 : Math.Max(SilenceDbm0, 10.0 * Math.Log10(meanSquare / ZeroDbm0Power));

    /// <summary>Mean-square power (squared sample units) of a level in dBm0.</summary>
    public static double Dbm0ToPower(double levelDbm0) => ZeroDbm0Power * Math.Pow(10.0, levelDbm0 / 10.0);

    /// <summary>Mean power of <paramref name="samples"/> in dBm0 (all frequencies).</summary>
    public static double MeasureDbm0(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return SilenceDbm0;
        }

        double sum = 0;
        foreach (var sample in samples)
        {
            sum += sample * (double)sample;
        }

        return PowerToDbm0(sum / samples.Length);
    }

    /// <summary>Saturates a computed sample into the 16-bit range (rounding to nearest).</summary>
    public static short Saturate(double value) =>
        value >= short.MaxValue ? short.MaxValue : value <= short.MinValue ? short.MinValue : (short)Math.Round(value);
}
