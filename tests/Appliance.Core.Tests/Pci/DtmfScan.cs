using Appliance.Telephony.Media;

namespace Appliance.Core.Tests.Pci;

/// <summary>Runs the project's DTMF detector over audio, frame by frame, and says which keys it heard.</summary>
internal static class DtmfScan
{
    private const int FrameSamples = 160;

    /// <summary>The keys found in <paramref name="samples"/>, in order ("" when none).</summary>
    public static string Keys(ReadOnlySpan<short> samples)
    {
        var detector = new DtmfDetector();
        var found = new System.Text.StringBuilder();
        for (var at = 0; at < samples.Length; at += FrameSamples)
        {
            if (detector.Process(samples[at..Math.Min(samples.Length, at + FrameSamples)]) is not '\0' and var digit)
            {
                found.Append(digit);
            }
        }

        return found.ToString();
    }
}
