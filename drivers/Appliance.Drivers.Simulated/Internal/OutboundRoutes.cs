namespace Appliance.Drivers.Simulated.Internal;

/// <summary>What a line needs from the exchange to route the calls the box dials.</summary>
/// <param name="Callees">The registered numbers.</param>
/// <param name="NewCall">Makes (and remembers) the far end's call for a port and dialled number.</param>
/// <param name="ReversePolarityOnAnswer">Whether the callee's answer reverses the line's polarity.</param>
internal sealed record OutboundRoutes(CalleeDirectory Callees, Func<int, string, SimulatedCall> NewCall, bool ReversePolarityOnAnswer);
