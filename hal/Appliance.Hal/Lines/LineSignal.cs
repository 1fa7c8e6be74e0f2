namespace Appliance.Hal.Lines;

/// <summary>Line-side signalling a port reports.</summary>
public enum LineSignal
{
    /// <summary>Ring voltage appeared: a ring burst began.</summary>
    RingStarted,

    /// <summary>Ring voltage went away: the burst ended.</summary>
    RingStopped,

    /// <summary>Tip and ring swapped polarity.</summary>
    PolarityReversed,

    /// <summary>Battery voltage disappeared: the line is dead or unplugged.</summary>
    LineVoltageLost,

    /// <summary>Battery voltage came back.</summary>
    LineVoltageRestored,
}
