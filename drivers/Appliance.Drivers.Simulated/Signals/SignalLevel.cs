namespace Appliance.Drivers.Simulated.Signals;

/// <summary>
/// The one place this assembly defines audio levels. 16-bit linear audio at 8 kHz; 0 dBm0 is a sine whose peak is
/// 22 813 (so the G.711 digital milliwatt, a full-scale sine, is +3.14 dBm0, as ITU-T G.711 defines it).
/// </summary>
public static class SignalLevel
{
    /// <summary>Peak of a 0 dBm0 sine in 16-bit linear samples.</summary>
    public const double ZeroDbm0Peak = 22_813.0;

    /// <summary>The highest sine level 16-bit audio can carry (the digital milliwatt).</summary>
    public const double MaximumSineDbm0 = 3.14;

    /// <summary>Peak amplitude of a sine at <paramref name="levelDbm0"/>.</summary>
    public static double SinePeak(double levelDbm0) => ZeroDbm0Peak * Math.Pow(10.0, levelDbm0 / 20.0);

    /// <summary>RMS value of any signal at <paramref name="levelDbm0"/> (a sine's peak / sqrt 2).</summary>
    public static double Rms(double levelDbm0) => SinePeak(levelDbm0) / Math.Sqrt(2.0);

    /// <summary>Mean-square power of 0 dBm0 in squared sample units.</summary>
    public const double ZeroDbm0Power = ZeroDbm0Peak * ZeroDbm0Peak / 2.0;

    /// <summary>Saturates a computed sample into the 16-bit range (rounding to nearest).</summary>
    public static short Saturate(double value) =>
        value >= short.MaxValue ? short.MaxValue : value <= short.MinValue ? short.MinValue : (short)Math.Round(value);
}
