using System.Device.Gpio;
using Appliance.Testing;

namespace Appliance.Drivers.Simulated.Tests.Gpio;

/// <summary>What the simulated chip adds to the driver contract: the test side's view of the pins, and its refusals.</summary>
public sealed class SimulatedGpioDriverTests : IDisposable
{
    private readonly SimulatedGpioDriver _driver = new(16);
    private readonly GpioController _controller;

    public SimulatedGpioDriverTests()
    {
        _controller = new GpioController(_driver);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(16)]
    public void Pin_numbers_outside_the_chip_are_refused(int pin)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _controller.OpenPin(pin));
        Assert.Contains("0 to 15", error.Message, StringComparison.Ordinal);
        Assert.False(_controller.IsPinOpen(pin));
        Assert.Throws<ArgumentOutOfRangeException>(() => _driver.DriveInput(pin, PinValue.High));
    }

    [Fact]
    public void The_driver_reports_opened_and_closed_pins()
    {
        _controller.OpenPin(3, PinMode.Input);
        Assert.True(_driver.IsOpen(3));
        _controller.ClosePin(3);
        Assert.False(_driver.IsOpen(3));
    }

    [Fact]
    public void Outputs_latch_what_is_written_and_report_each_change()
    {
        var changes = new List<(int Pin, PinEventTypes Edge)>();
        _driver.OutputChanged += (_, args) => changes.Add((args.PinNumber, args.ChangeType));
        _controller.OpenPin(5, PinMode.Output, PinValue.High);

        _controller.Write(5, PinValue.Low);
        _controller.Write(5, PinValue.Low);
        _controller.Toggle(5);

        Assert.Equal(PinValue.High, _driver.LevelOf(5));
        Assert.Equal([(5, PinEventTypes.Rising), (5, PinEventTypes.Falling), (5, PinEventTypes.Rising)], changes);
    }

    [Fact]
    public void Writing_an_input_pin_changes_nothing()
    {
        // System.Device.Gpio's controller drops a write to a pin that is not an output; the driver refuses one too.
        _controller.OpenPin(2, PinMode.InputPullUp);
        _controller.Write(2, PinValue.Low);
        Assert.Equal(PinValue.High, _controller.Read(2));
        Assert.Equal(PinValue.High, _driver.LevelOf(2));
        Assert.Equal(PinMode.InputPullUp, _controller.GetPinMode(2));
    }

    [Fact]
    public void Inputs_read_their_pull_until_driven_and_report_edges()
    {
        _controller.OpenPin(1, PinMode.InputPullUp);
        var edges = new List<PinEventTypes>();
        _controller.RegisterCallbackForPinValueChangedEvent(1, PinEventTypes.Rising | PinEventTypes.Falling, (_, args) => edges.Add(args.ChangeType));

        _driver.DriveInput(1, PinValue.Low);
        _driver.DriveInput(1, PinValue.Low); // no edge
        _driver.ReleaseInput(1);            // back to the pull-up: rising

        Assert.Equal(PinValue.High, _controller.Read(1));
        Assert.Equal([PinEventTypes.Falling, PinEventTypes.Rising], edges);
    }

    [Fact]
    public async Task Waiting_times_out_on_the_injected_clock()
    {
        var time = new ManualTimeProvider();
        _controller.OpenPin(0, PinMode.Input);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
        var wait = _controller.WaitForEventAsync(0, PinEventTypes.Falling, timeout.Token).AsTask();

        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(wait.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        var result = await wait;
        Assert.True(result.TimedOut);
        Assert.Equal(PinEventTypes.None, result.EventTypes);
    }

    [Fact]
    public void Bad_event_types_are_refused()
    {
        _controller.OpenPin(9, PinMode.Input);
        Assert.Throws<ArgumentException>(() => _controller.RegisterCallbackForPinValueChangedEvent(9, PinEventTypes.None, (_, _) => { }));
        Assert.Throws<ArgumentException>(() => _controller.RegisterCallbackForPinValueChangedEvent(9, (PinEventTypes)8, (_, _) => { }));
    }

    [Fact]
    public void Disposing_the_controller_closes_its_pins()
    {
        _controller.OpenPin(11, PinMode.Output);
        _controller.OpenPin(12, PinMode.Input);
        _controller.Dispose();

        Assert.False(_driver.IsOpen(11));
        Assert.False(_driver.IsOpen(12));
    }

    [Fact]
    public void A_wire_joins_two_different_unwired_pins_and_only_the_far_end_drives_it()
    {
        _driver.Connect(6, 7);
        Assert.Throws<ArgumentException>(() => _driver.Connect(7, 8));
        Assert.Throws<ArgumentException>(() => _driver.Connect(8, 8));
        Assert.Contains("wired to pin 6", Assert.Throws<InvalidOperationException>(() => _driver.DriveInput(7, PinValue.High)).Message, StringComparison.Ordinal);

        _controller.OpenPin(7, PinMode.InputPullUp);
        _controller.OpenPin(6, PinMode.Output, PinValue.Low);
        Assert.Equal(PinValue.Low, _controller.Read(7));
        _controller.ClosePin(6); // the far end lets go: the pull-up wins
        Assert.Equal(PinValue.High, _controller.Read(7));
    }

    public void Dispose() => _controller.Dispose();
}
