namespace Appliance.Drivers.Simulated;

/// <summary>A simulated call ended.</summary>
public sealed class SimulatedCallEndedEventArgs(SimulatedCallEndReason reason, DateTimeOffset at) : EventArgs
{
    /// <summary>Why.</summary>
    public SimulatedCallEndReason Reason { get; } = reason;

    /// <summary>When, on the exchange's clock.</summary>
    public DateTimeOffset At { get; } = at;
}
