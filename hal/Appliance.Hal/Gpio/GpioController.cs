namespace Appliance.Hal.Gpio;

/// <summary>
/// The way code uses GPIO pins, over any <see cref="GpioDriver"/>. Same name and members as
/// System.Device.Gpio's <c>GpioController</c>: a pin must be opened before use, the controller
/// remembers which pins it opened and closes them (and disposes the driver) when disposed.
/// </summary>
/// <remarks>Thread-safe: opening and closing are serialized; reads and writes go straight to the driver.</remarks>
public class GpioController : IDisposable
{
    private readonly GpioDriver _driver;
    private readonly TimeProvider _timeProvider;
    private readonly HashSet<int> _openPins = [];
    private readonly object _gate = new();
    private bool _disposed;

    /// <summary>Controls pins through <paramref name="driver"/>; timeouts use <paramref name="timeProvider"/> (the system clock when null).</summary>
    public GpioController(GpioDriver driver, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(driver);
        _driver = driver;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How many pins the driver exposes.</summary>
    public virtual int PinCount => _driver.PinCount;

    /// <summary>Opens a pin in its current mode.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The pin number is not on this driver.</exception>
    /// <exception cref="InvalidOperationException">The pin is already open.</exception>
    public void OpenPin(int pinNumber)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            CheckPinNumber(pinNumber);
            if (_openPins.Contains(pinNumber))
            {
                throw new InvalidOperationException($"GPIO pin {pinNumber} is already open.");
            }

            _driver.OpenPin(pinNumber);
            _openPins.Add(pinNumber);
        }
    }

    /// <summary>Opens a pin and sets its mode.</summary>
    public void OpenPin(int pinNumber, PinMode mode)
    {
        // Check first so a refused mode leaves the pin closed, as if the call never happened.
        CheckPinNumber(pinNumber);
        CheckModeSupported(pinNumber, mode);
        OpenPin(pinNumber);
        _driver.SetPinMode(pinNumber, mode);
    }

    /// <summary>Opens a pin, sets its mode and, for an output, its first level.</summary>
    public void OpenPin(int pinNumber, PinMode mode, PinValue initialValue)
    {
        CheckPinNumber(pinNumber);
        CheckModeSupported(pinNumber, mode);
        OpenPin(pinNumber);
        _driver.SetPinMode(pinNumber, mode, initialValue);
    }

    /// <summary>Closes an open pin.</summary>
    /// <exception cref="InvalidOperationException">The pin is not open.</exception>
    public void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            RequireOpen(pinNumber, "close");
            _driver.ClosePin(pinNumber);
            _openPins.Remove(pinNumber);
        }
    }

    /// <summary>Whether this controller has the pin open.</summary>
    public virtual bool IsPinOpen(int pinNumber)
    {
        lock (_gate)
        {
            return _openPins.Contains(pinNumber);
        }
    }

    /// <summary>Sets an open pin's mode.</summary>
    /// <exception cref="InvalidOperationException">The pin is not open or does not support the mode.</exception>
    public virtual void SetPinMode(int pinNumber, PinMode mode)
    {
        RequireOpen(pinNumber, "set the mode of");
        CheckModeSupported(pinNumber, mode);
        _driver.SetPinMode(pinNumber, mode);
    }

    /// <summary>An open pin's mode.</summary>
    public virtual PinMode GetPinMode(int pinNumber)
    {
        RequireOpen(pinNumber, "get the mode of");
        return _driver.GetPinMode(pinNumber);
    }

    /// <summary>Whether the pin supports the mode.</summary>
    public virtual bool IsPinModeSupported(int pinNumber, PinMode mode)
    {
        CheckPinNumber(pinNumber);
        return _driver.IsPinModeSupported(pinNumber, mode);
    }

    /// <summary>Reads an open pin.</summary>
    public virtual PinValue Read(int pinNumber)
    {
        RequireOpen(pinNumber, "read from");
        return _driver.Read(pinNumber);
    }

    /// <summary>Writes an open output pin.</summary>
    public virtual void Write(int pinNumber, PinValue value)
    {
        RequireOpen(pinNumber, "write to");
        _driver.Write(pinNumber, value);
    }

    /// <summary>Inverts an open output pin.</summary>
    public virtual void Toggle(int pinNumber)
    {
        RequireOpen(pinNumber, "toggle");
        _driver.Toggle(pinNumber);
    }

    /// <summary>Blocks until an edge or until <paramref name="timeout"/> passes on the controller's clock.</summary>
    public WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, TimeSpan timeout)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, _timeProvider);
        return WaitForEvent(pinNumber, eventTypes, timeoutSource.Token);
    }

    /// <summary>Blocks until an edge or until <paramref name="cancellationToken"/> is cancelled (then TimedOut is true).</summary>
    public virtual WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        RequireOpen(pinNumber, "wait for an event on");
        CheckEventTypes(eventTypes);
        return _driver.WaitForEvent(pinNumber, eventTypes, cancellationToken);
    }

    /// <summary>Waits for an edge or until <paramref name="timeout"/> passes on the controller's clock.</summary>
    public async ValueTask<WaitForEventResult> WaitForEventAsync(int pinNumber, PinEventTypes eventTypes, TimeSpan timeout)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, _timeProvider);
        return await WaitForEventAsync(pinNumber, eventTypes, timeoutSource.Token);
    }

    /// <summary>Waits for an edge or until <paramref name="cancellationToken"/> is cancelled (then TimedOut is true).</summary>
    public virtual ValueTask<WaitForEventResult> WaitForEventAsync(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        RequireOpen(pinNumber, "wait for an event on");
        CheckEventTypes(eventTypes);
        return _driver.WaitForEventAsync(pinNumber, eventTypes, cancellationToken);
    }

    /// <summary>Calls <paramref name="callback"/> on each edge of an open pin that matches <paramref name="eventTypes"/>.</summary>
    public virtual void RegisterCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        RequireOpen(pinNumber, "register a callback on");
        CheckEventTypes(eventTypes);
        _driver.AddCallbackForPinValueChangedEvent(pinNumber, eventTypes, callback);
    }

    /// <summary>Stops calling <paramref name="callback"/> for the pin.</summary>
    public virtual void UnregisterCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        RequireOpen(pinNumber, "unregister a callback on");
        _driver.RemoveCallbackForPinValueChangedEvent(pinNumber, callback);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes every pin this controller opened and disposes the driver.</summary>
    protected virtual void Dispose(bool disposing)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (disposing)
            {
                foreach (var pin in _openPins)
                {
                    _driver.ClosePin(pin);
                }

                _openPins.Clear();
                _driver.Dispose();
            }
        }
    }

    private static void CheckEventTypes(PinEventTypes eventTypes)
    {
        if (eventTypes == PinEventTypes.None || (eventTypes & ~(PinEventTypes.Rising | PinEventTypes.Falling)) != 0)
        {
            throw new ArgumentException($"Pin event types must be Rising, Falling or both, not '{eventTypes}'.", nameof(eventTypes));
        }
    }

    private void CheckPinNumber(int pinNumber)
    {
        var count = _driver.PinCount;
        if (pinNumber < 0 || pinNumber >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, $"GPIO pin numbers run from 0 to {count - 1}.");
        }
    }

    private void CheckModeSupported(int pinNumber, PinMode mode)
    {
        if (!_driver.IsPinModeSupported(pinNumber, mode))
        {
            throw new InvalidOperationException($"GPIO pin {pinNumber} does not support mode {mode}.");
        }
    }

    private void RequireOpen(int pinNumber, string action)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            CheckPinNumber(pinNumber);
            if (!_openPins.Contains(pinNumber))
            {
                throw new InvalidOperationException($"Cannot {action} GPIO pin {pinNumber}: it is not open.");
            }
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
