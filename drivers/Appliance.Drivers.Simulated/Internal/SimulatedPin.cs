using System.Device.Gpio;

namespace Appliance.Drivers.Simulated.Internal;

/// <summary>One pin of <see cref="SimulatedGpioDriver"/>; guarded by the driver's lock.</summary>
internal sealed class SimulatedPin(int number)
{
    public int Number { get; } = number;

    public bool IsOpen { get; set; }

    public PinMode Mode { get; set; } = PinMode.Input;

    public PinValue Output { get; set; } = PinValue.Low;

    /// <summary>What the outside world (a test, or a wired pin) drives onto the pin; null when nothing does.</summary>
    public PinValue? Driven { get; set; }

    /// <summary>The pin at the other end of a wire, if any.</summary>
    public SimulatedPin? WiredTo { get; set; }

    public List<(PinEventTypes EventTypes, PinChangeEventHandler Callback)> Callbacks { get; } = [];

    public List<PinWaiter> Waiters { get; } = [];

    /// <summary>An output shows its latch; an input what drives it, else its pull (a floating input reads low here).</summary>
    public PinValue Level => Mode switch
    {
        PinMode.Output => Output,
        PinMode.InputPullUp => Driven ?? PinValue.High,
        _ => Driven ?? PinValue.Low,
    };

    public static bool IsKnownMode(PinMode mode)
        => mode is PinMode.Input or PinMode.Output or PinMode.InputPullUp or PinMode.InputPullDown;

    /// <exception cref="ArgumentException">Not Rising, Falling or both.</exception>
    public static void CheckEventTypes(PinEventTypes eventTypes)
    {
        if (eventTypes == PinEventTypes.None || (eventTypes & ~(PinEventTypes.Rising | PinEventTypes.Falling)) != 0)
        {
            throw new ArgumentException($"Pin event types must be Rising, Falling or both, not '{eventTypes}'.", nameof(eventTypes));
        }
    }

    /// <summary>Closes the pin: a closed pin drives nothing, reports nothing and ends every wait (as timed out).</summary>
    public void Close()
    {
        IsOpen = false;
        Mode = PinMode.Input;
        Callbacks.Clear();
        foreach (var waiter in Waiters)
        {
            waiter.Completion.TrySetResult(PinEventTypes.None);
        }

        Waiters.Clear();
    }
}
