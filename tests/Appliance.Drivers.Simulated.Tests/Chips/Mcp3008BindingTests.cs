using System.Device.Spi;
using Appliance.Drivers.Simulated.Buses;
using Appliance.Drivers.Simulated.Chips;
using Appliance.Drivers.Simulated.Tests.Support;
using Appliance.Hal.Lines;
using Iot.Device.Adc;

namespace Appliance.Drivers.Simulated.Tests.Chips;

/// <summary>Iot.Device.Bindings' MCP3008 and MCP3208 drivers, reading the simulated ADCs over SPI.</summary>
public sealed class Mcp3008BindingTests
{
    [Fact]
    public void The_binding_reads_each_lines_voltage_as_the_exchange_holds_it()
    {
        using var rig = new SimRig(o => o.LineCount = 10);
        using var firstEight = new Mcp3008(rig.Board.Spi.OpenDevice(Sense(chipSelect: 0)));
        using var lastTwo = new Mcp3008(rig.Board.Spi.OpenDevice(Sense(chipSelect: 1)));
        var chip = rig.Board.LineSense[0];
        int Code(double lineVolts) => chip.CodeFor(lineVolts / SimulatedBoardWiring.SenseDivider);

        Assert.Equal(Code(SimulatedBoardWiring.OnHookLineVolts), firstEight.Read(SimulatedBoardWiring.SenseChannel(2)));
        Assert.Equal(Code(SimulatedBoardWiring.OnHookLineVolts), lastTwo.Read(SimulatedBoardWiring.SenseChannel(10)));
        Assert.Equal(0, lastTwo.Read(5)); // channels with no line behind them

        rig.Exchange.PlaceCall(2, new SimulatedCallRequest());
        rig.RunUntil(() => rig.Port(2).IsRinging, TimeSpan.FromSeconds(1), "line 2 ringing");
        Assert.Equal(Code(SimulatedBoardWiring.RingingLineVolts), firstEight.Read(SimulatedBoardWiring.SenseChannel(2)));

        rig.Port(2).SetHook(LineHookState.OffHook);
        rig.Frames(1);
        Assert.Equal(Code(SimulatedBoardWiring.OffHookLineVolts), firstEight.Read(SimulatedBoardWiring.SenseChannel(2)));

        rig.Exchange.KillLine(3);
        rig.Frames(1);
        Assert.Equal(0, firstEight.Read(SimulatedBoardWiring.SenseChannel(3)));
        Assert.Equal(Code(SimulatedBoardWiring.OnHookLineVolts), firstEight.Read(SimulatedBoardWiring.SenseChannel(1)));
        Assert.Equal(297, Code(SimulatedBoardWiring.OnHookLineVolts)); // 48 V / 50 = 0.96 V of 3.3 V, 10 bits
    }

    [Fact]
    public void The_binding_reads_pseudo_differential_pairs_and_twelve_bit_parts()
    {
        var volts = new[] { 1.0, 0.25, 2.5, 3.0, 0, 0, 0, 3.3 };
        var bus = new SimulatedSpiBus(0);
        var mcp3008 = new Mcp3x0xSimulator(Mcp3x0xModel.Mcp3008, 3.3, channel => volts[channel]);
        var mcp3208 = new Mcp3x0xSimulator(Mcp3x0xModel.Mcp3208, 3.3, channel => volts[channel]);
        bus.Attach(0, mcp3008);
        bus.Attach(1, mcp3208);
        using var tenBit = new Mcp3008(bus.OpenDevice(Sense(0)));
        using var twelveBit = new Mcp3208(bus.OpenDevice(Sense(1)));

        Assert.Equal(310, tenBit.Read(0));          // floor(1024 * 1.0 / 3.3)
        Assert.Equal(1023, tenBit.Read(7));         // full scale is clamped to the top code
        Assert.Equal(1241, twelveBit.Read(0));      // floor(4096 * 1.0 / 3.3)
        Assert.Equal(4095, twelveBit.Read(7));
        Assert.Equal(mcp3008.CodeFor(0.75), tenBit.ReadPseudoDifferential(0, 1));
        Assert.Equal(0, tenBit.ReadPseudoDifferential(2, 3)); // IN- above IN+ reads 0
        Assert.Equal(mcp3208.CodeFor(0.75), twelveBit.ReadPseudoDifferential(0, 1));
    }

    private static SpiConnectionSettings Sense(int chipSelect)
        => new(SimulatedBoardWiring.SpiBusId, chipSelect) { ClockFrequency = 1_000_000, Mode = SpiMode.Mode0 };
}
