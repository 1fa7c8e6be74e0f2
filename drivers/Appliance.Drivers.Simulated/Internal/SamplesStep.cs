using Appliance.Drivers.Simulated.Signals;

namespace Appliance.Drivers.Simulated.Internal;

internal sealed class SamplesStep(short[] samples) : CallerStep
{
    internal override StepPlayer CreatePlayer() => new SamplesPlayer(samples);

    public override string ToString() => $"PlaySamples({samples.Length} samples)";
}

internal sealed class SamplesPlayer(short[] samples) : StepPlayer
{
    private int _position;

    public override bool IsFinished => _position == samples.Length;

    public override int Render(Span<short> destination, WhiteNoiseSource lineNoise)
    {
        var count = Math.Min(samples.Length - _position, destination.Length);
        samples.AsSpan(_position, count).CopyTo(destination);
        _position += count;
        return count;
    }
}
