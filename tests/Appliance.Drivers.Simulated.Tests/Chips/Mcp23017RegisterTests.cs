using System.Device.Gpio;
using System.Device.I2c;
using Appliance.Drivers.Simulated.Buses;
using Appliance.Drivers.Simulated.Chips;

namespace Appliance.Drivers.Simulated.Tests.Chips;

/// <summary>The MCP23017 simulation at register level, against its datasheet (DS20001952), with raw I2C transfers.</summary>
public sealed class Mcp23017RegisterTests : IDisposable
{
    // IOCON.BANK = 0 addresses (the power-on map).
    private const byte IodirA = 0x00, IpolA = 0x02, GpintenB = 0x05, DefvalB = 0x07, IntconB = 0x09, IoconA = 0x0A, IoconB = 0x0B;
    private const byte GppuB = 0x0D, IntfB = 0x0F, IntcapB = 0x11, GpioA = 0x12, GpioB = 0x13, OlatA = 0x14, OlatB = 0x15;

    private readonly Mcp23017Simulator _chip = new();
    private readonly I2cDevice _device;

    public Mcp23017RegisterTests()
    {
        var bus = new SimulatedI2cBus(1);
        bus.Attach(0x20, _chip);
        _device = bus.OpenDevice(new I2cConnectionSettings(1, 0x20));
    }

    [Fact]
    public void After_power_on_every_pin_is_an_input_and_every_other_register_is_zero()
    {
        var all = ReadFrom(0x00, 22);
        Assert.Equal(0xFF, all[0]);
        Assert.Equal(0xFF, all[1]);
        Assert.All(all[2..], value => Assert.Equal(0, value));
    }

    [Fact]
    public void A_sequential_read_past_the_last_register_rolls_over_to_0x00()
    {
        Write(OlatB, 0x5A);
        Assert.Equal([0x5A, 0xFF, 0xFF], ReadFrom(OlatB, 3));
    }

    [Fact]
    public void In_byte_mode_with_bank_0_the_pointer_toggles_between_the_A_and_B_registers_of_a_pair()
    {
        Write(IoconA, 0x20); // SEQOP
        Write(IodirA, 0x00, 0x00, 0x00); // byte mode: IODIRA, IODIRB, IODIRA
        Write(OlatA, 0x11, 0x22);
        Assert.Equal([0x11, 0x22, 0x11, 0x22], ReadFrom(GpioA, 4));
        Assert.Equal([0x00, 0x00], ReadFrom(IodirA, 2));
    }

    [Fact]
    public void With_bank_1_the_ports_registers_separate_and_sequential_access_skips_the_unused_addresses()
    {
        Write(IoconB, 0x80); // IOCON is one register at both addresses
        Assert.Equal([0x80], ReadFrom(0x05, 1));
        Assert.Equal([0x80], ReadFrom(0x15, 1));

        Write(0x10, 0x0F);                 // IODIRB
        Write(0x0A, 0x33, 0x44);           // OLATA, then on to IODIRB
        Assert.Equal([0x33, 0x44], ReadFrom(0x0A, 2));
        Assert.Equal([0x00], ReadFrom(0x1A, 1)); // OLATB untouched
        Assert.Equal([0xFF, 0x00], ReadFrom(0x00, 2)); // IODIRA, then IPOLA

        Write(0x05, 0xA0);                 // BANK = 1 and byte mode: the pointer stays put
        Write(0x1A, 0x01, 0x02, 0x03);
        Assert.Equal([0x03, 0x03], ReadFrom(0x1A, 2));
    }

    [Theory]
    [InlineData(0x16, false)]
    [InlineData(0xFF, false)]
    [InlineData(0x0B, true)]
    [InlineData(0x1B, true)]
    public void An_address_with_no_register_is_not_acknowledged_and_changes_nothing(byte address, bool bank1)
    {
        if (bank1)
        {
            Write(IoconA, 0x80);
        }

        Write(bank1 ? (byte)0x00 : IodirA, 0x0F);
        var error = Assert.Throws<IOException>(() => _device.Write([address, 0x00]));
        Assert.Contains($"0x{address:X2}", error.Message, StringComparison.Ordinal);
        Assert.Throws<IOException>(() => _device.WriteRead([address], new byte[1]));
        Assert.Equal([0x0F], ReadFrom(0x00, 1));
    }

    [Fact]
    public void Read_only_and_unimplemented_bits_keep_their_values()
    {
        Write(IntfB, 0xFF, 0xFF); // INTFB, INTCAPA
        Write(IoconA, 0x7F);      // all but BANK, which would move the registers
        Assert.Equal([0x00], ReadFrom(IntfB, 1));
        Assert.Equal([0x00], ReadFrom(IntcapB - 1, 1));
        Assert.Equal([0x7E], ReadFrom(IoconB, 1)); // bit 0 is unimplemented and reads 0
    }

    [Fact]
    public void Gpio_reads_pins_inverted_by_ipol_on_inputs_only_and_writes_go_to_the_latch()
    {
        Write(IodirA, 0x0F);        // GPA0-3 in, GPA4-7 out
        Write(IpolA, 0xFF);         // inversion applies to the inputs only
        Write(GpioA, 0xF0);         // writes OLATA
        _chip.DriveInput(0, PinValue.High);

        Assert.Equal([0xF0], ReadFrom(OlatA, 1));
        Assert.Equal([0xFE], ReadFrom(GpioA, 1)); // outputs as latched; GPA0 high inverted to 0, undriven inputs low inverted to 1
        Assert.Equal(PinValue.High, _chip.PinLevel(7));
        Assert.True(_chip.IsOutput(7));
    }

    [Fact]
    public void The_pull_up_holds_an_undriven_input_high()
    {
        Write(GppuB, 0x01);
        Assert.Equal([0x01], ReadFrom(GpioB, 1));
        _chip.DriveInput(8, PinValue.Low);
        Assert.Equal([0x00], ReadFrom(GpioB, 1));
        _chip.ReleaseInput(8);
        Assert.Equal([0x01], ReadFrom(GpioB, 1));
    }

    [Fact]
    public void A_pin_change_interrupt_captures_the_port_and_a_change_while_active_fires_again_after_the_clear()
    {
        Write(GppuB, 0x01);
        Write(GpintenB, 0x01);
        Assert.Equal(PinValue.High, _chip.InterruptB); // active low by default, inactive now

        _chip.DriveInput(8, PinValue.Low);             // press
        Assert.Equal(PinValue.Low, _chip.InterruptB);
        Assert.Equal(PinValue.High, _chip.InterruptA);
        Assert.Equal([0x01, 0x00], ReadFrom(IntfB, 2));  // INTFB = GPB0; INTCAPA untouched
        _chip.ReleaseInput(8);                          // released before anyone read INTCAP
        Assert.Equal([0x00], ReadFrom(IntcapB, 1));     // the capture at the press; reading it clears...
        Assert.Equal(PinValue.Low, _chip.InterruptB);   // ...and the pending release fires at once
        Assert.Equal([0x01], ReadFrom(IntcapB, 1));
        Assert.Equal(PinValue.High, _chip.InterruptB);  // nothing more pending
        Assert.Equal([0x00], ReadFrom(IntfB, 1));
    }

    [Fact]
    public void A_defval_interrupt_lasts_as_long_as_the_pin_differs_whatever_is_read()
    {
        Write(GppuB, 0x01);
        Write(DefvalB, 0x01);
        Write(IntconB, 0x01);
        Write(GpintenB, 0x01);

        _chip.DriveInput(8, PinValue.Low);
        ReadFrom(GpioB, 1);
        Assert.Equal(PinValue.Low, _chip.InterruptB);
        _chip.ReleaseInput(8);
        Assert.Equal(PinValue.Low, _chip.InterruptB); // latched until read
        ReadFrom(GpioB, 1);
        Assert.Equal(PinValue.High, _chip.InterruptB);
    }

    [Fact]
    public void Iocon_sets_the_interrupt_outputs_polarity_drive_and_mirroring()
    {
        Write(GpintenB, 0x01);
        Write(IoconA, 0x02);                          // INTPOL: active high
        Assert.Equal(PinValue.Low, _chip.InterruptB);
        _chip.DriveInput(8, PinValue.High);
        Assert.Equal(PinValue.High, _chip.InterruptB);
        Assert.Equal(PinValue.Low, _chip.InterruptA); // not mirrored: port A has no interrupt

        Write(IoconA, 0x46);                          // MIRROR and ODR (open drain overrides INTPOL)
        Assert.Equal(PinValue.Low, _chip.InterruptA);
        Assert.Equal(PinValue.Low, _chip.InterruptB);
        ReadFrom(GpioB, 1);
        Assert.Null(_chip.InterruptA);                // released
        Assert.Null(_chip.InterruptB);
    }

    [Fact]
    public void Transfers_of_any_length_follow_the_pointer_and_a_reset_restores_power_on_values()
    {
        _device.Write([]);                 // address only
        _device.WriteByte(OlatA);          // sets the pointer, writes nothing
        Assert.Equal(0, _device.ReadByte());
        _device.Write([OlatA, 0x42]);
        _device.WriteByte(OlatA);
        Assert.Equal(0x42, _device.ReadByte());

        _chip.Reset();
        Assert.Equal([0xFF, 0xFF, 0x00], ReadFrom(0x00, 3));
        Assert.Equal([0x00], ReadFrom(OlatA, 1));
    }

    [Fact]
    public void Pin_numbers_outside_the_chip_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _chip.DriveInput(16, PinValue.High));
        Assert.Throws<ArgumentOutOfRangeException>(() => _chip.PinLevel(-1));
    }

    public void Dispose() => _device.Dispose();

    private void Write(byte address, params byte[] values) => _device.Write([address, .. values]);

    private byte[] ReadFrom(byte address, int count)
    {
        var values = new byte[count];
        _device.WriteRead([address], values);
        return values;
    }
}
