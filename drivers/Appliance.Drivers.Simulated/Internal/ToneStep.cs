using Appliance.Drivers.Simulated.Signals;

namespace Appliance.Drivers.Simulated.Internal;

internal sealed class ToneStep(double frequency1Hz, double frequency2Hz, int samples, double levelDbm0) : CallerStep
{
    internal override StepPlayer CreatePlayer() => new TonePlayer(new ToneSynthesizer(frequency1Hz, frequency2Hz, levelDbm0), samples);

    public override string ToString() => $"PlayTone({frequency1Hz}+{frequency2Hz} Hz, {samples} samples, {levelDbm0} dBm0)";
}

internal sealed class TonePlayer(ToneSynthesizer synthesizer, int samples) : StepPlayer
{
    private int _remaining = samples;

    public override bool IsFinished => _remaining == 0;

    public override int Render(Span<short> destination, WhiteNoiseSource lineNoise)
    {
        var count = Math.Min(_remaining, destination.Length);
        synthesizer.Render(destination[..count]);
        _remaining -= count;
        return count;
    }
}
