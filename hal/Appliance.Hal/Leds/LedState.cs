namespace Appliance.Hal.Leds;

/// <summary>What a front-panel LED shows.</summary>
public enum LedState
{
    /// <summary>Dark.</summary>
    Off,

    /// <summary>Lit steadily.</summary>
    On,

    /// <summary>About once a second: e.g. a line ringing, a sync in progress.</summary>
    BlinkSlow,

    /// <summary>Several times a second: e.g. a fault that needs a technician.</summary>
    BlinkFast,
}
