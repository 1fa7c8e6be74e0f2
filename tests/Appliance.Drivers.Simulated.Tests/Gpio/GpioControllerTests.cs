using Appliance.Hal.Gpio;
using Appliance.Testing;

namespace Appliance.Drivers.Simulated.Tests.Gpio;

public sealed class GpioControllerTests : IDisposable
{
    private readonly SimulatedGpioDriver _driver = new(16);
    private readonly GpioController _controller;

    public GpioControllerTests()
    {
        _controller = new GpioController(_driver);
    }

    [Fact]
    public void Pins_must_be_opened_once_before_use_and_can_be_closed()
    {
        Assert.Equal(16, _controller.PinCount);
        Assert.Contains("not open", Assert.Throws<InvalidOperationException>(() => _controller.Read(3)).Message, StringComparison.Ordinal);

        _controller.OpenPin(3, PinMode.Input);
        Assert.True(_controller.IsPinOpen(3));
        Assert.True(_driver.IsOpen(3));
        Assert.Contains("already open", Assert.Throws<InvalidOperationException>(() => _controller.OpenPin(3)).Message, StringComparison.Ordinal);

        _controller.ClosePin(3);
        Assert.False(_controller.IsPinOpen(3));
        Assert.False(_driver.IsOpen(3));
        Assert.Throws<InvalidOperationException>(() => _controller.ClosePin(3));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(16)]
    public void Pin_numbers_outside_the_chip_are_refused(int pin)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _controller.OpenPin(pin));
        Assert.Contains("0 to 15", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => _driver.DriveInput(pin, PinValue.High));
    }

    [Fact]
    public void Outputs_latch_what_is_written_and_report_changes()
    {
        var changes = new List<(int Pin, PinEventTypes Edge)>();
        _driver.OutputChanged += (_, args) => changes.Add((args.PinNumber, args.ChangeType));
        _controller.OpenPin(5, PinMode.Output, PinValue.High);

        Assert.Equal(PinValue.High, _controller.Read(5));
        _controller.Write(5, PinValue.Low);
        _controller.Write(5, PinValue.Low);
        _controller.Toggle(5);

        Assert.Equal(PinValue.High, _driver.LevelOf(5));
        Assert.Equal([(5, PinEventTypes.Rising), (5, PinEventTypes.Falling), (5, PinEventTypes.Rising)], changes);
        Assert.Equal(PinMode.Output, _controller.GetPinMode(5));
    }

    [Fact]
    public void Writing_an_input_pin_is_refused()
    {
        _controller.OpenPin(2, PinMode.InputPullUp);
        var error = Assert.Throws<InvalidOperationException>(() => _controller.Write(2, PinValue.Low));
        Assert.Contains("InputPullUp", error.Message, StringComparison.Ordinal);
        Assert.Equal(PinValue.High, _controller.Read(2));
    }

    [Fact]
    public void Inputs_read_their_pull_until_driven_and_report_edges_to_matching_callbacks()
    {
        _controller.OpenPin(1, PinMode.InputPullUp);
        _controller.OpenPin(2, PinMode.InputPullDown);
        Assert.Equal(PinValue.High, _controller.Read(1));
        Assert.Equal(PinValue.Low, _controller.Read(2));

        var falling = new List<int>();
        var any = new List<PinEventTypes>();
        void OnFalling(object sender, PinValueChangedEventArgs args) => falling.Add(args.PinNumber);
        _controller.RegisterCallbackForPinValueChangedEvent(1, PinEventTypes.Falling, OnFalling);
        _controller.RegisterCallbackForPinValueChangedEvent(1, PinEventTypes.Rising | PinEventTypes.Falling, (_, args) => any.Add(args.ChangeType));

        _driver.DriveInput(1, PinValue.Low);
        _driver.DriveInput(1, PinValue.Low); // no edge
        _driver.ReleaseInput(1);            // back to the pull-up: rising
        _controller.UnregisterCallbackForPinValueChangedEvent(1, OnFalling);
        _driver.DriveInput(1, PinValue.Low);

        Assert.Equal(PinValue.Low, _controller.Read(1));
        Assert.Equal([1], falling);
        Assert.Equal([PinEventTypes.Falling, PinEventTypes.Rising, PinEventTypes.Falling], any);
    }

    [Fact]
    public void Closed_pins_report_no_edges()
    {
        var edges = 0;
        _controller.OpenPin(4, PinMode.Input);
        _controller.RegisterCallbackForPinValueChangedEvent(4, PinEventTypes.Rising, (_, _) => edges++);
        _controller.ClosePin(4);
        _controller.OpenPin(4, PinMode.Input);
        _driver.DriveInput(4, PinValue.High);
        Assert.Equal(0, edges);
    }

    [Fact]
    public async Task Waiting_for_an_edge_returns_it()
    {
        _controller.OpenPin(7, PinMode.Input);
        var wait = _controller.WaitForEventAsync(7, PinEventTypes.Rising, CancellationToken.None).AsTask();
        Assert.False(wait.IsCompleted);

        _driver.DriveInput(7, PinValue.Low);  // not an edge
        _driver.DriveInput(7, PinValue.High);

        var result = await wait;
        Assert.False(result.TimedOut);
        Assert.Equal(PinEventTypes.Rising, result.EventTypes);
    }

    [Fact]
    public async Task Waiting_times_out_on_the_controllers_clock()
    {
        var time = new ManualTimeProvider();
        using var controller = new GpioController(new SimulatedGpioDriver(), time);
        controller.OpenPin(0, PinMode.Input);
        var wait = controller.WaitForEventAsync(0, PinEventTypes.Falling, TimeSpan.FromSeconds(5)).AsTask();

        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(wait.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        var result = await wait;
        Assert.True(result.TimedOut);
        Assert.Equal(PinEventTypes.None, result.EventTypes);
    }

    [Fact]
    public void Blocking_wait_with_a_cancelled_token_times_out()
    {
        _controller.OpenPin(8, PinMode.Input);
        var result = _controller.WaitForEvent(8, PinEventTypes.Rising, new CancellationToken(canceled: true));
        Assert.True(result.TimedOut);
    }

    [Fact]
    public void Bad_event_types_are_refused()
    {
        _controller.OpenPin(9, PinMode.Input);
        Assert.Throws<ArgumentException>(() => _controller.RegisterCallbackForPinValueChangedEvent(9, PinEventTypes.None, (_, _) => { }));
        Assert.Throws<ArgumentException>(() => _controller.RegisterCallbackForPinValueChangedEvent(9, (PinEventTypes)8, (_, _) => { }));
    }

    [Fact]
    public void An_unsupported_mode_leaves_the_pin_closed()
    {
        Assert.Throws<InvalidOperationException>(() => _controller.OpenPin(10, (PinMode)99));
        Assert.False(_controller.IsPinOpen(10));
        Assert.False(_driver.IsOpen(10));
    }

    [Fact]
    public void Disposing_the_controller_closes_its_pins_and_refuses_further_use()
    {
        _controller.OpenPin(11, PinMode.Output);
        _controller.OpenPin(12, PinMode.Input);
        _controller.Dispose();

        Assert.False(_driver.IsOpen(11));
        Assert.False(_driver.IsOpen(12));
        Assert.Throws<ObjectDisposedException>(() => _controller.OpenPin(11));
    }

    public void Dispose() => _controller.Dispose();
}
