using Appliance.Hal.Gpio;

namespace Appliance.Drivers.Simulated;

/// <summary>
/// GPIO pins held in memory. The box's code uses them through a <see cref="GpioController"/> as it
/// would real pins; test code plays the outside world: it drives input pins with
/// <see cref="DriveInput"/> (which raises edge callbacks and wakes waiters on the calling thread)
/// and watches output pins with <see cref="OutputChanged"/> or <see cref="LevelOf"/>.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly object _gate = new();
    private readonly Pin[] _pins;

    /// <summary>A driver with <paramref name="pinCount"/> pins, numbered from 0.</summary>
    public SimulatedGpioDriver(int pinCount = 32)
    {
        if (pinCount is < 1 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(pinCount), pinCount, "A simulated GPIO chip has 1 to 1024 pins.");
        }

        _pins = new Pin[pinCount];
        for (var i = 0; i < pinCount; i++)
        {
            _pins[i] = new Pin();
        }
    }

    /// <summary>Raised on the writing thread when the box changes an output pin's level.</summary>
    public event EventHandler<PinValueChangedEventArgs>? OutputChanged;

    /// <inheritdoc />
    protected override int PinCount => _pins.Length;

    /// <summary>Whether the pin is open.</summary>
    public bool IsOpen(int pinNumber)
    {
        var pin = PinAt(pinNumber);
        lock (_gate)
        {
            return pin.IsOpen;
        }
    }

    /// <summary>The level the pin shows now, open or not: an output's latch, else the driven level or the pull.</summary>
    public PinValue LevelOf(int pinNumber)
    {
        var pin = PinAt(pinNumber);
        lock (_gate)
        {
            return pin.Level;
        }
    }

    /// <summary>The outside world drives the pin to <paramref name="value"/>; an edge on an open input pin is reported.</summary>
    public void DriveInput(int pinNumber, PinValue value) => ChangeExternal(pinNumber, value);

    /// <summary>The outside world lets go of the pin; it falls to its pull (low when floating).</summary>
    public void ReleaseInput(int pinNumber) => ChangeExternal(pinNumber, null);

    /// <inheritdoc />
    protected override void OpenPin(int pinNumber)
    {
        var pin = PinAt(pinNumber);
        lock (_gate)
        {
            if (pin.IsOpen)
            {
                throw new InvalidOperationException($"GPIO pin {pinNumber} is already open.");
            }

            pin.IsOpen = true;
            pin.Mode = PinMode.Input;
        }
    }

    /// <inheritdoc />
    protected override void ClosePin(int pinNumber)
    {
        var pin = PinAt(pinNumber);
        lock (_gate)
        {
            pin.IsOpen = false;
            pin.Callbacks.Clear();
            foreach (var waiter in pin.Waiters)
            {
                waiter.Completion.TrySetResult(PinEventTypes.None);
            }

            pin.Waiters.Clear();
        }
    }

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        var pin = OpenPinAt(pinNumber);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown pin mode.");
        }

        lock (_gate)
        {
            pin.Mode = mode;
        }
    }

    /// <inheritdoc />
    protected override PinMode GetPinMode(int pinNumber)
    {
        var pin = OpenPinAt(pinNumber);
        lock (_gate)
        {
            return pin.Mode;
        }
    }

    /// <inheritdoc />
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode)
    {
        PinAt(pinNumber);
        return Enum.IsDefined(mode);
    }

    /// <inheritdoc />
    protected override PinValue Read(int pinNumber)
    {
        var pin = OpenPinAt(pinNumber);
        lock (_gate)
        {
            return pin.Level;
        }
    }

    /// <inheritdoc />
    protected override void Write(int pinNumber, PinValue value)
    {
        var pin = OpenPinAt(pinNumber);
        bool changed;
        lock (_gate)
        {
            if (pin.Mode != PinMode.Output)
            {
                throw new InvalidOperationException($"Cannot write to GPIO pin {pinNumber}: it is in {pin.Mode} mode, not Output.");
            }

            changed = pin.Output != value;
            pin.Output = value;
        }

        if (changed)
        {
            OutputChanged?.Invoke(this, new PinValueChangedEventArgs(value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling, pinNumber));
        }
    }

    /// <inheritdoc />
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
        => WaitForEventAsync(pinNumber, eventTypes, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    protected override async ValueTask<WaitForEventResult> WaitForEventAsync(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        var pin = OpenPinAt(pinNumber);
        var waiter = new Waiter(eventTypes);
        lock (_gate)
        {
            pin.Waiters.Add(waiter);
        }

        try
        {
            var edge = await waiter.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new WaitForEventResult { EventTypes = edge, TimedOut = edge == PinEventTypes.None };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
        finally
        {
            lock (_gate)
            {
                pin.Waiters.Remove(waiter);
            }
        }
    }

    /// <inheritdoc />
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        var pin = OpenPinAt(pinNumber);
        lock (_gate)
        {
            pin.Callbacks.Add((eventTypes, callback));
        }
    }

    /// <inheritdoc />
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        var pin = OpenPinAt(pinNumber);
        lock (_gate)
        {
            pin.Callbacks.RemoveAll(entry => entry.Callback == callback);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            for (var i = 0; i < _pins.Length; i++)
            {
                ClosePin(i);
            }
        }

        base.Dispose(disposing);
    }

    private void ChangeExternal(int pinNumber, PinValue? value)
    {
        var pin = PinAt(pinNumber);
        PinChangeEventHandler[] toCall;
        PinEventTypes edge;
        lock (_gate)
        {
            var before = pin.Level;
            pin.Driven = value;
            var after = pin.Level;
            if (before == after || !pin.IsOpen || pin.Mode == PinMode.Output)
            {
                return;
            }

            edge = after == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            toCall = [.. pin.Callbacks.Where(entry => (entry.EventTypes & edge) != 0).Select(entry => entry.Callback)];
            foreach (var waiter in pin.Waiters.Where(waiter => (waiter.EventTypes & edge) != 0))
            {
                waiter.Completion.TrySetResult(edge);
            }
        }

        var args = new PinValueChangedEventArgs(edge, pinNumber);
        foreach (var callback in toCall)
        {
            callback(this, args);
        }
    }

    private Pin PinAt(int pinNumber)
    {
        if (pinNumber < 0 || pinNumber >= _pins.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, $"GPIO pin numbers run from 0 to {_pins.Length - 1}.");
        }

        return _pins[pinNumber];
    }

    private Pin OpenPinAt(int pinNumber)
    {
        var pin = PinAt(pinNumber);
        lock (_gate)
        {
            if (!pin.IsOpen)
            {
                throw new InvalidOperationException($"GPIO pin {pinNumber} is not open.");
            }
        }

        return pin;
    }

    private sealed class Pin
    {
        public bool IsOpen { get; set; }

        public PinMode Mode { get; set; } = PinMode.Input;

        public PinValue Output { get; set; } = PinValue.Low;

        public PinValue? Driven { get; set; }

        public List<(PinEventTypes EventTypes, PinChangeEventHandler Callback)> Callbacks { get; } = [];

        public List<Waiter> Waiters { get; } = [];

        public PinValue Level => Mode switch
        {
            PinMode.Output => Output,
            PinMode.InputPullUp => Driven ?? PinValue.High,
            _ => Driven ?? PinValue.Low,
        };
    }

    private sealed class Waiter(PinEventTypes eventTypes)
    {
        public PinEventTypes EventTypes { get; } = eventTypes;

        public TaskCompletionSource<PinEventTypes> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
