using System.Device.Gpio;
using System.Device.I2c;
using Appliance.Drivers.Simulated.Tests.Support;
using Iot.Device.Mcp23xxx;

namespace Appliance.Drivers.Simulated.Tests.Chips;

/// <summary>Iot.Device.Bindings' own MCP23017 driver, talking to the simulated board's front panel over its I2C bus.</summary>
public sealed class Mcp23017BindingTests : IDisposable
{
    private readonly SimRig _rig = new();

    private SimulatedBoard Board => _rig.Board;

    [Fact]
    public void Leds_the_binding_lights_are_lit_on_the_board()
    {
        using var expander = new Mcp23017(OpenFrontPanel());
        using var pins = new GpioController(expander);
        pins.OpenPin(SimulatedBoardWiring.FirstLedPin, PinMode.Output);
        pins.OpenPin(SimulatedBoardWiring.FirstLedPin + 2, PinMode.Output);
        var changes = 0;
        Board.FrontPanel.OutputsChanged += (_, _) => changes++;

        pins.Write(SimulatedBoardWiring.FirstLedPin, PinValue.High);
        pins.Write(SimulatedBoardWiring.FirstLedPin + 2, PinValue.High);
        pins.Write(SimulatedBoardWiring.FirstLedPin + 2, PinValue.Low);

        Assert.True(Board.FrontPanel.IsOutput(SimulatedBoardWiring.FirstLedPin));
        Assert.Equal(PinValue.High, Board.FrontPanel.PinLevel(SimulatedBoardWiring.FirstLedPin));
        Assert.Equal(PinValue.Low, Board.FrontPanel.PinLevel(SimulatedBoardWiring.FirstLedPin + 2));
        Assert.False(Board.FrontPanel.IsOutput(SimulatedBoardWiring.FirstLedPin + 1));
        Assert.Equal(3, changes);
    }

    [Fact]
    public void The_binding_reads_the_front_button_through_the_pull_up()
    {
        using var expander = new Mcp23017(OpenFrontPanel());
        using var pins = new GpioController(expander);
        pins.OpenPin(SimulatedBoardWiring.FrontButtonPin, PinMode.InputPullUp);

        Assert.Equal(PinValue.High, pins.Read(SimulatedBoardWiring.FrontButtonPin));
        Board.PressFrontButton();
        Assert.Equal(PinValue.Low, pins.Read(SimulatedBoardWiring.FrontButtonPin));
        Board.ReleaseFrontButton();
        Assert.Equal(PinValue.High, pins.Read(SimulatedBoardWiring.FrontButtonPin));
    }

    [Fact]
    public void Sixteen_bit_access_reads_and_writes_both_ports_at_once()
    {
        using var expander = new Mcp23017(OpenFrontPanel());
        expander.WriteUInt16(Register.IODIR, 0xFF00); // port A out, port B in
        expander.WriteUInt16(Register.GPPU, 0xFF00);
        expander.WriteUInt16(Register.OLAT, 0x00A5);
        Board.PressFrontButton();

        Assert.Equal(0xFEA5, expander.ReadUInt16(Register.GPIO));
        Assert.Equal(PinValue.High, Board.FrontPanel.PinLevel(0));
        Assert.Equal(PinValue.Low, Board.FrontPanel.PinLevel(1));
        Assert.Equal(PinValue.High, Board.FrontPanel.PinLevel(7));
    }

    [Fact]
    public async Task A_button_press_reaches_a_callback_through_INTB_and_the_host_gpio()
    {
        using var host = new GpioController(Board.Gpio);
        using var expander = new Mcp23017(OpenFrontPanel(), -1, SimulatedBoardWiring.FrontPanelInterruptAPin, SimulatedBoardWiring.FrontPanelInterruptBPin, host, shouldDispose: false);
        using var pins = new GpioController(expander);
        pins.OpenPin(SimulatedBoardWiring.FrontButtonPin, PinMode.InputPullUp);
        var edges = new EdgeRecorder();
        pins.RegisterCallbackForPinValueChangedEvent(SimulatedBoardWiring.FrontButtonPin, PinEventTypes.Falling, edges.Callback);

        Board.PressFrontButton();

        var edge = await edges.NextAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(PinEventTypes.Falling, edge.ChangeType);
        Assert.Equal(SimulatedBoardWiring.FrontButtonPin, edge.PinNumber);

        // The binding has the chip compare GPB0 with DEFVAL, so INTB (active low) stays asserted while the button is
        // held, whatever is read; once released, the next read of GPIO clears it.
        Assert.Equal(PinValue.Low, Board.FrontPanel.InterruptB);
        Assert.Equal(PinValue.Low, Board.Gpio.LevelOf(SimulatedBoardWiring.FrontPanelInterruptBPin));
        Board.ReleaseFrontButton();
        Assert.Equal(PinValue.Low, Board.FrontPanel.InterruptB);
        Assert.Equal(PinValue.High, pins.Read(SimulatedBoardWiring.FrontButtonPin));
        Assert.Equal(PinValue.High, Board.FrontPanel.InterruptB);
        Assert.Equal(PinValue.High, Board.Gpio.LevelOf(SimulatedBoardWiring.FrontPanelInterruptBPin));
        Assert.Equal(1, edges.Count);
    }

    public void Dispose() => _rig.Dispose();

    private I2cDevice OpenFrontPanel() => Board.I2c.OpenDevice(new I2cConnectionSettings(SimulatedBoardWiring.I2cBusId, SimulatedBoardWiring.FrontPanelAddress));
}
