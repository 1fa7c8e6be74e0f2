namespace Appliance.Hal.Gpio;

/// <summary>
/// A source of GPIO pins: the libgpiod character-device driver on Linux, or the simulated one.
/// Same name and members as System.Device.Gpio's <c>GpioDriver</c>; callers use a
/// <see cref="GpioController"/>, which checks pin numbers and open state before calling in here.
/// </summary>
public abstract class GpioDriver : IDisposable
{
    /// <summary>How many pins the driver exposes; pin numbers run from 0 to PinCount - 1.</summary>
    protected internal abstract int PinCount { get; }

    /// <summary>Claims a pin for use.</summary>
    protected internal abstract void OpenPin(int pinNumber);

    /// <summary>Releases a pin.</summary>
    protected internal abstract void ClosePin(int pinNumber);

    /// <summary>Sets a pin's mode.</summary>
    protected internal abstract void SetPinMode(int pinNumber, PinMode mode);

    /// <summary>Sets a pin's mode and, for an output, its first level without a glitch.</summary>
    protected internal virtual void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        SetPinMode(pinNumber, mode);
        if (mode == PinMode.Output)
        {
            Write(pinNumber, initialValue);
        }
    }

    /// <summary>A pin's current mode.</summary>
    protected internal abstract PinMode GetPinMode(int pinNumber);

    /// <summary>Whether the pin can be put in <paramref name="mode"/>.</summary>
    protected internal abstract bool IsPinModeSupported(int pinNumber, PinMode mode);

    /// <summary>The pin's level.</summary>
    protected internal abstract PinValue Read(int pinNumber);

    /// <summary>Drives an output pin.</summary>
    protected internal abstract void Write(int pinNumber, PinValue value);

    /// <summary>Inverts an output pin.</summary>
    protected internal virtual void Toggle(int pinNumber) => Write(pinNumber, !Read(pinNumber));

    /// <summary>Blocks until an edge in <paramref name="eventTypes"/> or until <paramref name="cancellationToken"/> is cancelled.</summary>
    protected internal abstract WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken);

    /// <summary>Waits without blocking a thread where the driver can; by default on a pool thread.</summary>
    protected internal virtual ValueTask<WaitForEventResult> WaitForEventAsync(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
        => new(Task.Run(() => WaitForEvent(pinNumber, eventTypes, cancellationToken), CancellationToken.None));

    /// <summary>Calls <paramref name="callback"/> on each edge in <paramref name="eventTypes"/>.</summary>
    protected internal abstract void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback);

    /// <summary>Stops calling <paramref name="callback"/> for the pin.</summary>
    protected internal abstract void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the driver's resources.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
