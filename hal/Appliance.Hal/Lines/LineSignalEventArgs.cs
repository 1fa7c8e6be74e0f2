namespace Appliance.Hal.Lines;

/// <summary>A signalling change on one line port.</summary>
public sealed class LineSignalEventArgs(int portNumber, LineSignal signal, DateTimeOffset at) : EventArgs
{
    /// <summary>The port that signalled.</summary>
    public int PortNumber { get; } = portNumber;

    /// <summary>What happened.</summary>
    public LineSignal Signal { get; } = signal;

    /// <summary>When the port saw it, from the board's TimeProvider.</summary>
    public DateTimeOffset At { get; } = at;
}
