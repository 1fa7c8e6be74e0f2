using System.Device.Spi;
using Appliance.Drivers.Simulated.Buses;
using Appliance.Drivers.Simulated.Chips;

namespace Appliance.Drivers.Simulated.Tests.Chips;

/// <summary>The MCP3x0x simulation bit by bit, against the framing of the MCP3004/3008 and MCP3204/3208 datasheets.</summary>
public sealed class Mcp3x0xFramingTests
{
    private readonly double[] _volts = [1.0, 0.25, 2.5, 3.0, 0, 0, 0, 3.3];

    [Fact]
    public void The_usual_three_byte_frame_returns_null_bit_then_ten_bits_msb_first()
    {
        var (device, chip) = Open(Mcp3x0xModel.Mcp3008);
        var received = Transfer(device, 0x01, 0b1000_0000, 0x00); // start, SGL, CH0

        Assert.Equal(310, ((received[1] & 0x03) << 8) | received[2]);
        Assert.Equal(0, received[1] & 0x04);          // the null bit
        Assert.Equal(0xFF, received[0]);              // high impedance before the conversion: the board's pull-up
        Assert.Equal(1, chip.Conversions);
    }

    [Fact]
    public void Clocks_after_the_lsb_return_the_result_again_lsb_first_then_zeros()
    {
        var (device, _) = Open(Mcp3x0xModel.Mcp3008);
        var bits = Bits(Transfer(device, 0x01, 0b1111_0000, 0x00, 0x00, 0x00)); // CH7: full scale, 1023
        var start = 7;                                                         // the start bit is the 8th clock

        Assert.False(bits[start + 6]);                                         // null
        Assert.All(Enumerable.Range(start + 7, 10), i => Assert.True(bits[i])); // B9..B0
        Assert.All(Enumerable.Range(start + 17, 9), i => Assert.True(bits[i])); // B1..B9 again
        Assert.All(Enumerable.Range(start + 26, bits.Length - start - 26), i => Assert.False(bits[i]));
    }

    [Fact]
    public void Leading_zeros_before_the_start_bit_only_delay_the_conversion()
    {
        var (device, _) = Open(Mcp3x0xModel.Mcp3008);
        var received = Transfer(device, 0x00, 0x00, 0b0001_1010, 0x00, 0x00); // start at clock 19; SGL, D2..D0 = 010: CH2 → 775
        var bits = Bits(received);
        var value = 0;
        for (var i = 19 + 7; i < 19 + 17; i++)
        {
            value = (value << 1) | (bits[i] ? 1 : 0);
        }

        Assert.Equal(775, value); // floor(1024 * 2.5 / 3.3)
    }

    [Fact]
    public void Twelve_bit_parts_frame_start_and_channel_across_the_first_two_bytes()
    {
        var (device, _) = Open(Mcp3x0xModel.Mcp3208);
        var received = Transfer(device, 0b0000_0110, 0b0000_0000, 0x00); // start, SGL, D2 = 0 | D1 D0 = 00
        Assert.Equal(1241, ((received[1] & 0x0F) << 8) | received[2]);
    }

    [Fact]
    public void Differential_pairs_follow_d0_and_a_negative_difference_reads_zero()
    {
        var (device, chip) = Open(Mcp3x0xModel.Mcp3008);
        int Read(int config)
        {
            var received = Transfer(device, 0x01, (byte)(config << 4), 0x00);
            return ((received[1] & 0x03) << 8) | received[2];
        }

        Assert.Equal(chip.CodeFor(0.75), Read(0b0000)); // CH0+ CH1-
        Assert.Equal(0, Read(0b0001));                  // CH0- CH1+: 0.25 - 1.0 < 0
        Assert.Equal(0, Read(0b0010));                  // CH2+ CH3-
        Assert.Equal(chip.CodeFor(0.5), Read(0b0011));  // CH2- CH3+
    }

    [Fact]
    public void Four_channel_parts_ignore_d2()
    {
        var (device, _) = Open(Mcp3x0xModel.Mcp3004);
        var received = Transfer(device, 0x01, 0b1100_0000, 0x00); // SGL, D2 = 1 (don't care), D1 D0 = 00: CH0
        Assert.Equal(310, ((received[1] & 0x03) << 8) | received[2]);
    }

    [Fact]
    public void A_transfer_cut_short_aborts_the_conversion()
    {
        var (device, chip) = Open(Mcp3x0xModel.Mcp3008);
        Assert.Equal([0xFF], Transfer(device, 0x01)); // CS rises before the channel is even chosen
        Assert.Equal(0, chip.Conversions);
        Assert.Equal([0xFF, 0xF9], Transfer(device, 0x01, 0b1000_0000)); // sampled, but only null, B9 = 0, B8 = 1 of 310 clocked out
        Assert.Equal(1, chip.Conversions);
    }

    [Fact]
    public void Settings_the_chip_cannot_work_with_are_refused_with_the_reason()
    {
        foreach (var settings in new[]
        {
            new SpiConnectionSettings(0, 0) { Mode = SpiMode.Mode1 },
            new SpiConnectionSettings(0, 0) { DataFlow = DataFlow.LsbFirst },
            new SpiConnectionSettings(0, 0) { DataBitLength = 16 },
            new SpiConnectionSettings(0, 0) { ClockFrequency = 4_000_000 },
        })
        {
            var (device, chip) = Open(Mcp3x0xModel.Mcp3008, settings);
            var error = Assert.Throws<InvalidOperationException>(() => Transfer(device, 0x01, 0x80, 0x00));
            Assert.Contains("mode 0 or 3", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, chip.Conversions);
        }
    }

    [Fact]
    public void Full_duplex_buffers_of_different_lengths_are_refused()
    {
        var (device, chip) = Open(Mcp3x0xModel.Mcp3008);
        Assert.Throws<ArgumentException>(() => device.TransferFullDuplex(new byte[3], new byte[2]));
        device.Write([0x01, 0x80, 0x00]); // results dropped, conversion done
        Assert.Equal(0xFF, device.ReadByte()); // zeros out: no start bit, DOUT stays high impedance
        Assert.Equal(1, chip.Conversions);
    }

    [Fact]
    public void Codes_are_clamped_and_a_bad_reference_is_refused()
    {
        var chip = new Mcp3x0xSimulator(Mcp3x0xModel.Mcp3208, 2.0, _ => 0);
        Assert.Equal(0, chip.CodeFor(-1));
        Assert.Equal(4095, chip.CodeFor(5));
        Assert.Equal(2048, chip.CodeFor(1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mcp3x0xSimulator(Mcp3x0xModel.Mcp3008, 0.1, _ => 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mcp3x0xSimulator((Mcp3x0xModel)9, 3.3, _ => 0));
    }

    private (SpiDevice Device, Mcp3x0xSimulator Chip) Open(Mcp3x0xModel model, SpiConnectionSettings? settings = null)
    {
        var bus = new SimulatedSpiBus(0);
        var chip = new Mcp3x0xSimulator(model, 3.3, channel => _volts[channel]);
        bus.Attach(0, chip);
        return (bus.OpenDevice(settings ?? new SpiConnectionSettings(0, 0)), chip);
    }

    private static byte[] Transfer(SpiDevice device, params byte[] sent)
    {
        var received = new byte[sent.Length];
        device.TransferFullDuplex(sent, received);
        return received;
    }

    private static bool[] Bits(byte[] bytes) => [.. bytes.SelectMany(b => Enumerable.Range(0, 8).Select(i => (b >> (7 - i) & 1) == 1))];
}
