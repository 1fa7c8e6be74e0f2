namespace Appliance.Hal.Lines;

/// <summary>Hook state the box sets on a line.</summary>
public enum LineHookState
{
    /// <summary>Idle: the line can ring.</summary>
    OnHook,

    /// <summary>Seized: loop current flows and audio passes.</summary>
    OffHook,
}
