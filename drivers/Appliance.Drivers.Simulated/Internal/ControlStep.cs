using Appliance.Drivers.Simulated.Signals;

namespace Appliance.Drivers.Simulated.Internal;

internal sealed class ControlStep(CallerAction action) : CallerStep
{
    internal override StepPlayer CreatePlayer() => new ControlPlayer(action);

    public override string ToString() => action.ToString();
}

internal sealed class ControlPlayer(CallerAction action) : StepPlayer
{
    public override CallerAction Action => action;

    public override bool IsFinished => true;

    public override int Render(Span<short> destination, WhiteNoiseSource lineNoise) => 0;
}
