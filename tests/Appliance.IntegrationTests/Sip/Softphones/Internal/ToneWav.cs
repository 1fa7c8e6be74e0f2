using Appliance.Telephony.Media;

namespace Appliance.IntegrationTests.Sip.Softphones.Internal;

/// <summary>The audio a softphone "speaks": a steady sine tone in an 8 kHz mono 16-bit WAV file.</summary>
internal static class ToneWav
{
    private const int SampleRate = 8000;
    private const double Amplitude = 6000;

    public static void Write(string path, double hz, TimeSpan duration)
    {
        using var writer = WavWriter.Create(path, SampleRate, 1);
        var block = new short[SampleRate];
        var total = (long)(duration.TotalSeconds * SampleRate);
        for (long written = 0; written < total; written += block.Length)
        {
            for (var i = 0; i < block.Length; i++)
            {
                block[i] = (short)(Amplitude * Math.Sin(2 * Math.PI * hz * (written + i) / SampleRate));
            }

            writer.Write(block.AsSpan(0, (int)Math.Min(block.Length, total - written)));
        }
    }
}
