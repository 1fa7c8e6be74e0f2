namespace Appliance.Hal.Leds;

/// <summary>One front-panel LED. The driver does any blinking itself, so callers only set a state.</summary>
public interface ILed
{
    /// <summary>The LED's name as in the board description, e.g. "power" or "line1".</summary>
    string Name { get; }

    /// <summary>The state last set.</summary>
    LedState State { get; }

    /// <summary>Shows <paramref name="state"/>.</summary>
    void Set(LedState state);
}
