namespace Appliance.Host.Control;

/// <summary>
/// Places a simulated call through the whole appliance and reports how it ended. Implemented in Composition/;
/// called by <c>POST /v1/sim/calls</c>.
/// </summary>
public interface ISimulatedCallRunner
{
    /// <summary>Runs the call to its end.</summary>
    /// <exception cref="SimCallRejectedException">The request cannot be run (line out of range, line busy...): answered as 400.</exception>
    Task<SimCallResult> RunAsync(SimCallRequest request, CancellationToken cancellationToken);
}
