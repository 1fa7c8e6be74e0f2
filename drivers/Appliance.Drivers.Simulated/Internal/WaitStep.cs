using Appliance.Drivers.Simulated.Signals;

namespace Appliance.Drivers.Simulated.Internal;

internal sealed class WaitStep(int samples) : CallerStep
{
    internal override StepPlayer CreatePlayer() => new SilencePlayer(samples);

    public override string ToString() => $"Wait({samples} samples)";
}

internal sealed class SilencePlayer(int samples) : StepPlayer
{
    private int _remaining = samples;

    public override bool IsFinished => _remaining == 0;

    public override int Render(Span<short> destination, WhiteNoiseSource lineNoise)
    {
        var count = Math.Min(_remaining, destination.Length);
        lineNoise.Render(destination[..count]);
        _remaining -= count;
        return count;
    }
}
