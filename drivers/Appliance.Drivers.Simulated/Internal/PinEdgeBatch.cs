using System.Device.Gpio;

namespace Appliance.Drivers.Simulated.Internal;

/// <summary>
/// The edges one change to the simulated pins causes: collected under the driver's lock, raised after it is released
/// so a handler may use the driver again (a callback that reads the pin, a binding that answers an interrupt).
/// </summary>
internal sealed class PinEdgeBatch
{
    private readonly List<PinValueChangedEventArgs> _outputs = [];
    private readonly List<(PinChangeEventHandler Callback, PinValueChangedEventArgs Args)> _callbacks = [];

    /// <summary>An output pin moved to <paramref name="level"/>.</summary>
    public void AddOutput(int pinNumber, PinValue level) => _outputs.Add(new PinValueChangedEventArgs(EdgeTo(level), pinNumber));

    /// <summary>Under the lock: if the input pin's level moved from <paramref name="before"/>, wakes its waiters and queues its callbacks.</summary>
    public void AddEdge(SimulatedPin pin, PinValue before)
    {
        var after = pin.Level;
        if (before == after || !pin.IsOpen || pin.Mode == PinMode.Output)
        {
            return;
        }

        var edge = EdgeTo(after);
        var args = new PinValueChangedEventArgs(edge, pin.Number);
        _callbacks.AddRange(pin.Callbacks.Where(entry => (entry.EventTypes & edge) != 0).Select(entry => (entry.Callback, args)));
        foreach (var waiter in pin.Waiters.Where(waiter => (waiter.EventTypes & edge) != 0))
        {
            waiter.Completion.TrySetResult(edge);
        }
    }

    /// <summary>Outside the lock: reports output changes, then calls the queued callbacks in order.</summary>
    public void Raise(object sender, Action<PinValueChangedEventArgs> raiseOutputChanged)
    {
        foreach (var output in _outputs)
        {
            raiseOutputChanged(output);
        }

        foreach (var (callback, args) in _callbacks)
        {
            callback(sender, args);
        }
    }

    private static PinEventTypes EdgeTo(PinValue level) => level == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
}
