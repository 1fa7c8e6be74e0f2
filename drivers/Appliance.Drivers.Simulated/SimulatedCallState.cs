namespace Appliance.Drivers.Simulated;

/// <summary>Where a simulated inbound call is.</summary>
public enum SimulatedCallState
{
    /// <summary>Placed and alerting: the line rings (or will, on the exchange's next tick).</summary>
    Ringing,

    /// <summary>The box answered; audio flows both ways.</summary>
    Connected,

    /// <summary>Over; <see cref="SimulatedCall.EndReason"/> says why.</summary>
    Ended,
}
