using Appliance.Drivers.Simulated.Signals;

namespace Appliance.Drivers.Simulated.Internal;

/// <summary>One running script step: produces its samples across as many frames as it needs.</summary>
internal abstract class StepPlayer
{
    /// <summary>The control action of a control step; <see cref="CallerAction.None"/> for audio steps.</summary>
    public virtual CallerAction Action => CallerAction.None;

    /// <summary>Whether the step has nothing more to play.</summary>
    public abstract bool IsFinished { get; }

    /// <summary>Writes the step's next samples; returns how many (fewer than asked only when it finishes).</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="lineNoise">The line's background noise, for the step's silent parts.</param>
    public abstract int Render(Span<short> destination, WhiteNoiseSource lineNoise);
}
