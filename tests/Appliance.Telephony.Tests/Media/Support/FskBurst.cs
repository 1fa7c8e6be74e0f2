using Appliance.Drivers.Simulated.Signals;
using Appliance.Telephony.Media;

namespace Appliance.Telephony.Tests.Media.Support;

/// <summary>
/// Test-side FSK modulator for arbitrary message bytes (SDMF, malformed messages), independent of
/// <see cref="CallerIdFsk"/>: seizure, mark, then each byte framed by start/stop bits at 1200 baud.
/// </summary>
internal static class FskBurst
{
    public static short[] Modulate(byte[] message, double markHz = 1200, double spaceHz = 2200, double levelDbm0 = -13,
                                   int seizureBits = 300, int markBits = 180)
    {
        var bits = new List<bool>();
        for (var i = 0; i < seizureBits; i++)
        {
            bits.Add(i % 2 == 1);
        }

        bits.AddRange(Enumerable.Repeat(true, markBits));
        foreach (var value in message)
        {
            bits.Add(false);
            for (var bit = 0; bit < 8; bit++)
            {
                bits.Add(((value >> bit) & 1) == 1);
            }

            bits.Add(true);
        }

        var samples = new short[(int)Math.Ceiling(bits.Count * 8000 / 1200.0)];
        var phase = 0.0;
        var peak = AudioLevel.SinePeak(levelDbm0);
        for (var n = 0; n < samples.Length; n++)
        {
            var mark = bits[Math.Min(bits.Count - 1, n * 1200 / 8000)];
            samples[n] = AudioLevel.Saturate(peak * Math.Sin(2 * Math.PI * phase));
            phase += (mark ? markHz : spaceHz) / 8000;
        }

        return samples;
    }

    /// <summary>Type, length, body and the checksum that makes them add up to zero (optionally wrong).</summary>
    public static byte[] Message(byte type, byte[] body, bool badChecksum = false)
    {
        var message = new byte[body.Length + 3];
        message[0] = type;
        message[1] = (byte)body.Length;
        body.CopyTo(message, 2);
        var sum = message.Take(message.Length - 1).Sum(b => b);
        message[^1] = (byte)((-sum & 0xFF) ^ (badChecksum ? 0x5A : 0));
        return message;
    }

    public static byte[] Ascii(string text) => text.Select(c => (byte)c).ToArray();
}
