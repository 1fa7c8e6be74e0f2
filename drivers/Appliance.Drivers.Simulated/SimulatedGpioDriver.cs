using System.Device.Gpio;
using Appliance.Drivers.Simulated.Internal;

namespace Appliance.Drivers.Simulated;

/// <summary>
/// GPIO pins held in memory, as a System.Device.Gpio <see cref="GpioDriver"/>: the box's code uses them through a
/// <see cref="GpioController"/> as it would real pins. Test code plays the outside world: it drives input pins with
/// <see cref="DriveInput"/> (edge callbacks run and waiters wake on the calling thread), watches output pins with
/// <see cref="OutputChanged"/> or <see cref="LevelOf"/>, and can solder a wire between two pins with
/// <see cref="Connect"/>, as the two-pin loopback of a hardware test jig.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly object _gate = new();
    private readonly SimulatedPin[] _pins;

    /// <summary>A driver with <paramref name="pinCount"/> pins, numbered from 0.</summary>
    public SimulatedGpioDriver(int pinCount = 32)
    {
        if (pinCount is < 1 or > 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(pinCount), pinCount, "A simulated GPIO chip has 1 to 1024 pins.");
        }

        _pins = new SimulatedPin[pinCount];
        for (var i = 0; i < pinCount; i++)
        {
            _pins[i] = new SimulatedPin(i);
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
    /// <exception cref="InvalidOperationException">The pin is wired to another pin, which drives it.</exception>
    public void DriveInput(int pinNumber, PinValue value) => ChangeFromOutside(pinNumber, value);

    /// <summary>The outside world lets go of the pin; it falls to its pull (low when floating).</summary>
    /// <exception cref="InvalidOperationException">The pin is wired to another pin, which drives it.</exception>
    public void ReleaseInput(int pinNumber) => ChangeFromOutside(pinNumber, null);

    /// <summary>
    /// Wires two pins together: while one is an open output, the other sees its level (edges included); otherwise
    /// neither drives the wire and each reads its own pull. Each pin takes at most one wire.
    /// </summary>
    /// <exception cref="ArgumentException">The pins are the same, or one already has a wire.</exception>
    public void Connect(int firstPin, int secondPin)
    {
        var first = PinAt(firstPin);
        var second = PinAt(secondPin);
        var pending = new PinEdgeBatch();
        lock (_gate)
        {
            if (first == second || first.WiredTo is not null || second.WiredTo is not null)
            {
                throw new ArgumentException($"GPIO pins {firstPin} and {secondPin} cannot be wired: they must differ and have no wire yet.", nameof(secondPin));
            }

            first.WiredTo = second;
            second.WiredTo = first;
            SettleWire(first, pending);
            SettleWire(second, pending);
        }

        pending.Raise(this, RaiseOutputChanged);
    }

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
        var pending = new PinEdgeBatch();
        lock (_gate)
        {
            pin.Close();
            SettleWire(pin, pending);
        }

        pending.Raise(this, RaiseOutputChanged);
    }

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode) => SetPinMode(pinNumber, mode, null);

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue) => SetPinMode(pinNumber, mode, (PinValue?)initialValue);

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
        return SimulatedPin.IsKnownMode(mode);
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
    protected override void Write(int pinNumber, PinValue value) => WriteLevel(pinNumber, value);

    /// <inheritdoc />
    protected override void Toggle(int pinNumber)
    {
        var pin = OpenPinAt(pinNumber);
        PinValue now;
        lock (_gate)
        {
            now = pin.Output;
        }

        WriteLevel(pinNumber, now == PinValue.High ? PinValue.Low : PinValue.High);
    }

    /// <inheritdoc />
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
        => WaitAsync(pinNumber, eventTypes, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    protected override ValueTask<WaitForEventResult> WaitForEventAsync(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
        => WaitAsync(pinNumber, eventTypes, cancellationToken);

    // The overrides call these rather than each other, so the IL names no GpioDriver member it does not have to
    // (PortableApiTests reads it).
    private void WriteLevel(int pinNumber, PinValue value)
    {
        var pin = OpenPinAt(pinNumber);
        var pending = new PinEdgeBatch();
        lock (_gate)
        {
            if (pin.Mode != PinMode.Output)
            {
                throw new InvalidOperationException($"Cannot write to GPIO pin {pinNumber}: it is in {pin.Mode} mode, not Output.");
            }

            if (pin.Output != value)
            {
                pin.Output = value;
                pending.AddOutput(pin.Number, value);
                SettleWire(pin, pending);
            }
        }

        pending.Raise(this, RaiseOutputChanged);
    }

    private async ValueTask<WaitForEventResult> WaitAsync(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        SimulatedPin.CheckEventTypes(eventTypes);
        var pin = OpenPinAt(pinNumber);
        var waiter = new PinWaiter(eventTypes);
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
        ArgumentNullException.ThrowIfNull(callback);
        SimulatedPin.CheckEventTypes(eventTypes);
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
            lock (_gate)
            {
                foreach (var pin in _pins)
                {
                    pin.Close();
                }
            }
        }

        base.Dispose(disposing);
    }

    private void SetPinMode(int pinNumber, PinMode mode, PinValue? initialValue)
    {
        var pin = OpenPinAt(pinNumber);
        if (!SimulatedPin.IsKnownMode(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown pin mode.");
        }

        var pending = new PinEdgeBatch();
        lock (_gate)
        {
            var before = pin.Level;
            if (mode == PinMode.Output && initialValue is { } first)
            {
                // Set the latch before switching to output so the pin never shows the old level (no glitch).
                pin.Output = first;
            }

            pin.Mode = mode;
            if (mode == PinMode.Output && pin.Level != before)
            {
                pending.AddOutput(pin.Number, pin.Level);
            }
            else if (mode != PinMode.Output)
            {
                // A new pull can change what an undriven input reads, which is an edge like any other.
                pending.AddEdge(pin, before);
            }

            SettleWire(pin, pending);
        }

        pending.Raise(this, RaiseOutputChanged);
    }

    private void ChangeFromOutside(int pinNumber, PinValue? value)
    {
        var pin = PinAt(pinNumber);
        var pending = new PinEdgeBatch();
        lock (_gate)
        {
            if (pin.WiredTo is not null)
            {
                throw new InvalidOperationException($"GPIO pin {pinNumber} is wired to pin {pin.WiredTo.Number}; drive that pin instead.");
            }

            var before = pin.Level;
            pin.Driven = value;
            pending.AddEdge(pin, before);
        }

        pending.Raise(this, RaiseOutputChanged);
    }

    // Called under the gate after anything about `source` changed: its wired partner sees the new drive.
    private static void SettleWire(SimulatedPin source, PinEdgeBatch pending)
    {
        if (source.WiredTo is not { } partner)
        {
            return;
        }

        var before = partner.Level;
        partner.Driven = source.IsOpen && source.Mode == PinMode.Output ? source.Output : null;
        pending.AddEdge(partner, before);
    }

    private void RaiseOutputChanged(PinValueChangedEventArgs args) => OutputChanged?.Invoke(this, args);

    private SimulatedPin PinAt(int pinNumber)
    {
        if (pinNumber < 0 || pinNumber >= _pins.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, $"GPIO pin numbers run from 0 to {_pins.Length - 1}.");
        }

        return _pins[pinNumber];
    }

    private SimulatedPin OpenPinAt(int pinNumber)
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
}
