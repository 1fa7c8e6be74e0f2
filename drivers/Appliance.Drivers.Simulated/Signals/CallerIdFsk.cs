using Appliance.Drivers.Simulated.Signals.Internal;
using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Signals;

/// <summary>The on-hook caller-ID burst an exchange sends between the first and second ring.</summary>
public static class CallerIdFsk
{
    /// <summary>Bits per second of both Bell 202 and V.23 caller ID.</summary>
    public const int BaudRate = 1200;

    /// <summary>Alternating 0/1 bits that open the burst (channel seizure).</summary>
    public const int ChannelSeizureBits = 300;

    /// <summary>Mark bits between the seizure and the message.</summary>
    public const int MarkBits = 180;

    /// <summary>
    /// The complete burst: channel seizure, mark, then the MDMF message (date/time, number or its absence, name or its
    /// absence, checksum), each byte sent LSB first between a start (space) and a stop (mark) bit, phase-continuous.
    /// </summary>
    /// <param name="info">Number and name; null fields are sent as absent.</param>
    /// <param name="at">Date and time sent as MMDDHHMM (in <paramref name="at"/>'s own offset).</param>
    /// <param name="standard">Bell 202 or V.23 tones.</param>
    /// <param name="levelDbm0">Level of the FSK signal.</param>
    /// <param name="corruptChecksum">Flips the checksum byte so that a receiver must reject the message.</param>
    /// <exception cref="ArgumentException">The number or name is empty, too long or not printable ASCII, or the reason is not O/P.</exception>
    public static short[] Modulate(CallerIdInfo info, DateTimeOffset at, FskStandard standard = FskStandard.Bell202,
                                   double levelDbm0 = -13, bool corruptChecksum = false)
    {
        if (!double.IsFinite(levelDbm0) || levelDbm0 > SignalLevel.MaximumSineDbm0)
        {
            throw new ArgumentOutOfRangeException(nameof(levelDbm0), levelDbm0,
                $"FSK level must be a finite number of dBm0 no higher than {SignalLevel.MaximumSineDbm0}.");
        }

        var (markHz, spaceHz) = standard switch
        {
            FskStandard.Bell202 => (1200.0, 2200.0),
            FskStandard.V23 => (1300.0, 2100.0),
            _ => throw new ArgumentOutOfRangeException(nameof(standard), standard, "Unknown FSK standard."),
        };

        var message = CallerIdMessageBuilder.Build(info, at, corruptChecksum);
        var bits = ToBits(message);
        return Modulate(bits, markHz, spaceHz, SignalLevel.SinePeak(levelDbm0));
    }

    private static bool[] ToBits(byte[] message)
    {
        var bits = new bool[ChannelSeizureBits + MarkBits + (message.Length * 10)];
        var index = 0;
        for (var i = 0; i < ChannelSeizureBits; i++)
        {
            bits[index++] = (i & 1) == 1; // starts with a space (0)
        }

        for (var i = 0; i < MarkBits; i++)
        {
            bits[index++] = true;
        }

        foreach (var value in message)
        {
            bits[index++] = false; // start bit
            for (var bit = 0; bit < 8; bit++)
            {
                bits[index++] = ((value >> bit) & 1) == 1;
            }

            bits[index++] = true; // stop bit
        }

        return bits;
    }

    private static short[] Modulate(bool[] bits, double markHz, double spaceHz, double peak)
    {
        // Bit boundaries fall on fractional samples (6 2/3 samples a bit); integer arithmetic keeps them exact.
        var sampleCount = ((bits.Length * LineAudio.SampleRate) + BaudRate - 1) / BaudRate;
        var samples = new short[sampleCount];
        var phase = 0.0;
        for (var n = 0; n < sampleCount; n++)
        {
            var bit = bits[(int)((long)n * BaudRate / LineAudio.SampleRate)];
            samples[n] = SignalLevel.Saturate(peak * Math.Sin(2.0 * Math.PI * phase));
            phase += (bit ? markHz : spaceHz) / LineAudio.SampleRate;
            phase -= Math.Floor(phase);
        }

        return samples;
    }
}
