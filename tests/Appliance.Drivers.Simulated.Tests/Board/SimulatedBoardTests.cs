using Appliance.Drivers.Simulated.Tests.Support;
using Appliance.Hal.Boards;
using System.Device.Gpio;
using Appliance.Hal.Leds;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Drivers.Simulated.Tests.Board;

public sealed class SimulatedBoardTests
{
    [Fact]
    public void The_board_describes_what_it_carries()
    {
        using var rig = new SimRig(o =>
        {
            o.LineCount = 8;
            o.SerialNumber = "BR-0042";
        });
        IBoard board = rig.Board;

        Assert.Equal(8, board.Description.LinePortCount);
        Assert.Equal(Enumerable.Range(1, 8), board.Description.LinePorts.Select(p => p.Number));
        Assert.Equal("LINE 3", board.Description.LinePorts[2].Label);
        Assert.Equal(Enumerable.Range(1, 8), board.LinePorts.Select(p => p.PortNumber));
        Assert.Equal("BR-0042", board.Description.SerialNumber);
        Assert.Equal(board.Description.Leds, board.Leds.Select(l => l.Name));
        Assert.Contains("power", board.Description.Leds);
        Assert.Contains("line8", board.Description.Leds);
        Assert.True(board.Description.HasWatchdog);
        Assert.NotNull(board.Watchdog);
    }

    [Fact]
    public void Leds_remember_their_state_and_changes()
    {
        using var rig = new SimRig();
        var led = rig.Board.Led("LINE1");
        var changes = 0;
        led.StateChanged += (_, _) => changes++;

        led.Set(LedState.BlinkSlow);
        led.Set(LedState.BlinkSlow);
        led.Set(LedState.On);

        Assert.Equal(LedState.On, led.State);
        Assert.Equal(2, led.ChangeCount);
        Assert.Equal(2, changes);
        Assert.Throws<ArgumentOutOfRangeException>(() => led.Set((LedState)9));
        Assert.Equal(LedState.On, led.State);
        Assert.Contains("power", Assert.Throws<ArgumentException>(() => rig.Board.Led("fan")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_board_gpio_chip_works_through_a_controller()
    {
        using var rig = new SimRig();
        using var controller = new GpioController(rig.Board.Gpio);
        controller.OpenPin(0, PinMode.InputPullUp);
        rig.Board.Gpio.DriveInput(0, PinValue.Low);
        Assert.Equal(PinValue.Low, controller.Read(0));
        Assert.Equal(SimulatedBoard.GpioPinCount, controller.PinCount);
    }

    [Fact]
    public void Bad_options_stop_the_board_with_the_setting_named()
    {
        var options = Options.Create(new SimulatedBoardOptions { LineCount = 40, Country = "XX" });
        var error = Assert.Throws<OptionsValidationException>(() => new SimulatedBoard(options, new ManualTimeProvider(), NullLoggerFactory.Instance));

        Assert.Contains("Board:Simulated:LineCount", error.Message, StringComparison.Ordinal);
        Assert.Contains("Board:Simulated:Country", error.Message, StringComparison.Ordinal);
    }
}
