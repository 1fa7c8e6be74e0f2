using System.Device.Gpio;

namespace Appliance.Drivers.Simulated.Internal;

/// <summary>One caller waiting for an edge on a simulated pin.</summary>
internal sealed class PinWaiter(PinEventTypes eventTypes)
{
    public PinEventTypes EventTypes { get; } = eventTypes;

    /// <summary>Completes with the edge, or with None when the pin closes.</summary>
    public TaskCompletionSource<PinEventTypes> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
