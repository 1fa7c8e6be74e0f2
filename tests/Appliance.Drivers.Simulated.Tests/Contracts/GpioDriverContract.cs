using System.Device.Gpio;
using Appliance.Drivers.Simulated.Tests.Support;

namespace Appliance.Drivers.Simulated.Tests.Contracts;

/// <summary>
/// What every System.Device.Gpio <see cref="GpioDriver"/> the box uses must do, tested through a
/// <see cref="GpioController"/> as the box's code uses it. The implementation supplies the driver and two of its pins
/// wired together (the loopback of a hardware test jig): <see cref="OutputPin"/> drives, <see cref="InputPin"/> listens.
/// Edge callbacks may come on any thread, so the tests await them instead of expecting them at once.
/// </summary>
public abstract class GpioDriverContract : IDisposable
{
    private GpioController? _controller;

    /// <summary>The pin that drives the wire.</summary>
    protected abstract int OutputPin { get; }

    /// <summary>The pin at the other end of the wire.</summary>
    protected abstract int InputPin { get; }

    /// <summary>How long an edge may take to be reported before the test fails (a guard, not a delay).</summary>
    protected virtual TimeSpan EdgeTimeout => TimeSpan.FromSeconds(5);

    /// <summary>The controller over a fresh driver.</summary>
    protected GpioController Controller => _controller ??= new GpioController(CreateDriver());

    [ContractFact]
    public void A_pin_opens_closes_once_and_opens_again()
    {
        Assert.False(Controller.IsPinOpen(InputPin));
        Controller.OpenPin(InputPin, PinMode.Input);
        Assert.True(Controller.IsPinOpen(InputPin));

        Controller.ClosePin(InputPin);
        Assert.False(Controller.IsPinOpen(InputPin));
        Assert.Throws<InvalidOperationException>(() => Controller.ClosePin(InputPin));

        Controller.OpenPin(InputPin, PinMode.Input);
        Assert.Equal(PinMode.Input, Controller.GetPinMode(InputPin));
    }

    [ContractFact]
    public void An_output_keeps_the_level_written_and_the_wire_carries_it()
    {
        Controller.OpenPin(InputPin, PinMode.Input);
        Controller.OpenPin(OutputPin, PinMode.Output);
        Assert.Equal(PinMode.Output, Controller.GetPinMode(OutputPin));

        foreach (var level in new[] { PinValue.High, PinValue.Low, PinValue.High })
        {
            Controller.Write(OutputPin, level);
            Assert.Equal(level, Controller.Read(OutputPin));
            Assert.Equal(level, Controller.Read(InputPin));
        }
    }

    [ContractFact]
    public void A_pull_resistor_decides_an_input_nothing_drives()
    {
        Controller.OpenPin(OutputPin, PinMode.Input); // the far end lets go of the wire
        var checkedAny = false;
        foreach (var (mode, expected) in new[] { (PinMode.InputPullUp, PinValue.High), (PinMode.InputPullDown, PinValue.Low) })
        {
            if (!Controller.IsPinModeSupported(InputPin, mode))
            {
                continue;
            }

            checkedAny = true;
            Controller.OpenPin(InputPin, mode);
            Assert.Equal(mode, Controller.GetPinMode(InputPin));
            Assert.Equal(expected, Controller.Read(InputPin));
            Controller.ClosePin(InputPin);
        }

        Assert.True(checkedAny, "The input pin supports neither pull-up nor pull-down; the box needs one of them.");
    }

    [ContractFact]
    public async Task Callbacks_hear_each_matching_edge_in_order()
    {
        Controller.OpenPin(OutputPin, PinMode.Output, PinValue.Low);
        Controller.OpenPin(InputPin, PinMode.Input);
        var both = new EdgeRecorder();
        var risingOnly = new EdgeRecorder();
        Controller.RegisterCallbackForPinValueChangedEvent(InputPin, PinEventTypes.Rising | PinEventTypes.Falling, both.Callback);
        Controller.RegisterCallbackForPinValueChangedEvent(InputPin, PinEventTypes.Rising, risingOnly.Callback);

        Controller.Write(OutputPin, PinValue.High);
        Controller.Write(OutputPin, PinValue.Low);
        Controller.Write(OutputPin, PinValue.High);

        foreach (var expected in new[] { PinEventTypes.Rising, PinEventTypes.Falling, PinEventTypes.Rising })
        {
            var edge = await both.NextAsync(EdgeTimeout);
            Assert.Equal(expected, edge.ChangeType);
            Assert.Equal(InputPin, edge.PinNumber);
        }

        Assert.Equal(PinEventTypes.Rising, (await risingOnly.NextAsync(EdgeTimeout)).ChangeType);
        Assert.Equal(PinEventTypes.Rising, (await risingOnly.NextAsync(EdgeTimeout)).ChangeType);
        Assert.Equal(3, both.Count);
        Assert.Equal(2, risingOnly.Count);
    }

    [ContractFact]
    public async Task An_unregistered_or_closed_callback_hears_nothing_more()
    {
        Controller.OpenPin(OutputPin, PinMode.Output, PinValue.Low);
        Controller.OpenPin(InputPin, PinMode.Input);
        var unregistered = new EdgeRecorder();
        var kept = new EdgeRecorder();
        Controller.RegisterCallbackForPinValueChangedEvent(InputPin, PinEventTypes.Rising, unregistered.Callback);
        Controller.RegisterCallbackForPinValueChangedEvent(InputPin, PinEventTypes.Rising, kept.Callback);
        Controller.UnregisterCallbackForPinValueChangedEvent(InputPin, unregistered.Callback);

        Controller.Write(OutputPin, PinValue.High);
        await kept.NextAsync(EdgeTimeout);

        // Closing the pin drops its callbacks: after reopening, only a newly registered one hears the next edge.
        Controller.ClosePin(InputPin);
        Controller.Write(OutputPin, PinValue.Low);
        Controller.OpenPin(InputPin, PinMode.Input);
        var afterReopen = new EdgeRecorder();
        Controller.RegisterCallbackForPinValueChangedEvent(InputPin, PinEventTypes.Rising, afterReopen.Callback);
        Controller.Write(OutputPin, PinValue.High);
        await afterReopen.NextAsync(EdgeTimeout);

        Assert.Equal(0, unregistered.Count);
        Assert.Equal(1, kept.Count);
    }

    [ContractFact]
    public async Task A_wait_returns_the_awaited_edge_and_a_cancelled_wait_times_out()
    {
        Controller.OpenPin(OutputPin, PinMode.Output, PinValue.Low);
        Controller.OpenPin(InputPin, PinMode.Input);

        var cancelled = Controller.WaitForEvent(InputPin, PinEventTypes.Rising, new CancellationToken(canceled: true));
        Assert.True(cancelled.TimedOut);

        using var guard = new CancellationTokenSource(EdgeTimeout);
        var wait = Controller.WaitForEventAsync(InputPin, PinEventTypes.Falling, guard.Token).AsTask();
        Controller.Write(OutputPin, PinValue.High); // not the awaited edge
        Controller.Write(OutputPin, PinValue.Low);
        var result = await wait;

        Assert.False(result.TimedOut);
        Assert.Equal(PinEventTypes.Falling, result.EventTypes);
    }

    [ContractFact]
    public void A_mode_the_driver_does_not_know_is_not_supported()
        => Assert.False(Controller.IsPinModeSupported(InputPin, (PinMode)99));

    public void Dispose()
    {
        _controller?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A fresh driver for one test; the controller disposes it.</summary>
    protected abstract GpioDriver CreateDriver();
}
