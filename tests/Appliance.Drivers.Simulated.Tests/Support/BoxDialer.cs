using Appliance.Drivers.Simulated.Signals;
using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Tests.Support;

/// <summary>Plays the box's part in tests of outbound calls: keys DTMF into a port frame by frame, as the media loop would.</summary>
internal static class BoxDialer
{
    /// <summary>Writes each digit as <paramref name="toneMs"/> of its Q.23 pair then <paramref name="gapMs"/> of silence, one frame per step.</summary>
    public static void Dial(SimRig rig, int port, string digits, int toneMs = 100, int gapMs = 100, double levelDbm0 = -9)
    {
        var samples = new List<short>();
        foreach (var digit in digits)
        {
            var (low, high) = DtmfFrequencies.For(digit);
            var tone = new short[toneMs * 8];
            new ToneSynthesizer(low, high, levelDbm0).Render(tone);
            samples.AddRange(tone);
            samples.AddRange(new short[gapMs * 8]);
        }

        Play(rig, port, [.. samples]);
    }

    /// <summary>Sends <paramref name="samples"/> down the line, one 20 ms frame per step (the tail padded with silence).</summary>
    public static void Play(SimRig rig, int port, short[] samples)
    {
        var frame = new short[LineAudio.FrameSamples];
        for (var offset = 0; offset < samples.Length; offset += frame.Length)
        {
            Array.Clear(frame);
            samples.AsSpan(offset, Math.Min(frame.Length, samples.Length - offset)).CopyTo(frame);
            rig.Port(port).WriteFrame(frame);
            rig.Frames(1);
        }
    }

    /// <summary>Takes the port off hook and steps until the exchange has answered the seizure with audio.</summary>
    public static void Seize(SimRig rig, int port)
    {
        rig.Port(port).SetHook(LineHookState.OffHook);
        rig.Frames(1);
    }
}
