using System.Device.I2c;
using System.Device.Spi;
using Appliance.Drivers.Simulated.Buses;
using Appliance.Drivers.Simulated.Chips;

namespace Appliance.Drivers.Simulated.Tests.Chips;

/// <summary>The simulated buses refuse what a real bus would, with a clear error.</summary>
public sealed class BusTests
{
    [Fact]
    public void An_i2c_address_with_no_chip_opens_but_every_transfer_fails_as_a_nack()
    {
        using var rig = new Support.SimRig();
        using var nobody = rig.Board.I2c.OpenDevice(new I2cConnectionSettings(SimulatedBoardWiring.I2cBusId, 0x21));
        Assert.Contains("0x21", Assert.Throws<IOException>(() => nobody.WriteByte(0)).Message, StringComparison.Ordinal);
        Assert.Throws<IOException>(() => nobody.ReadByte());
        Assert.Throws<ArgumentException>(() => rig.Board.I2c.OpenDevice(new I2cConnectionSettings(0, 0x20)));
        Assert.Throws<ArgumentException>(() => rig.Board.I2c.Attach(SimulatedBoardWiring.FrontPanelAddress, new Mcp23017Simulator()));
    }

    [Fact]
    public void A_closed_device_refuses_further_transfers()
    {
        using var rig = new Support.SimRig();
        var device = rig.Board.I2c.OpenDevice(new I2cConnectionSettings(SimulatedBoardWiring.I2cBusId, SimulatedBoardWiring.FrontPanelAddress));
        device.Dispose();
        Assert.Throws<ObjectDisposedException>(() => device.ReadByte());
        var spi = rig.Board.Spi.OpenDevice(new SpiConnectionSettings(SimulatedBoardWiring.SpiBusId, 0));
        spi.Dispose();
        Assert.Throws<ObjectDisposedException>(() => spi.ReadByte());
    }

    [Fact]
    public void An_spi_chip_select_with_no_chip_does_not_open()
    {
        using var rig = new Support.SimRig(o => o.LineCount = 9);
        Assert.Equal(2, rig.Board.LineSense.Count);
        var error = Assert.Throws<ArgumentException>(() => rig.Board.Spi.OpenDevice(new SpiConnectionSettings(SimulatedBoardWiring.SpiBusId, 2)));
        Assert.Contains("chip selects 0, 1", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => rig.Board.Spi.OpenDevice(new SpiConnectionSettings(1, 0)));
    }

    [Fact]
    public void The_spi_device_keeps_the_settings_it_was_opened_with()
    {
        using var rig = new Support.SimRig();
        var settings = new SpiConnectionSettings(SimulatedBoardWiring.SpiBusId, 0) { Mode = SpiMode.Mode3 };
        using var device = rig.Board.Spi.OpenDevice(settings);
        settings.Mode = SpiMode.Mode1;
        Assert.Equal(SpiMode.Mode3, device.ConnectionSettings.Mode);
        device.TransferFullDuplex(new byte[3], new byte[3]); // mode 3 is one the MCP3008 takes
    }
}
