using System.Device.Gpio;
using Appliance.Drivers.Simulated.Buses;
using Appliance.Drivers.Simulated.Chips.Internal;

namespace Appliance.Drivers.Simulated.Chips;

/// <summary>
/// A Microchip MCP23017 16-bit I2C GPIO expander at register level, written from its datasheet (DS20001952):
/// IODIR, IPOL, GPINTEN, DEFVAL, INTCON, IOCON, GPPU, INTF, INTCAP, GPIO and OLAT for both ports, both register maps
/// (IOCON.BANK), sequential and byte mode (IOCON.SEQOP), interrupt-on-change against the previous value or DEFVAL with
/// INTCAP capture, cleared by reading GPIO or INTCAP, and the INTA/INTB outputs (IOCON.MIRROR, ODR, INTPOL).
/// Not modelled: IOCON.DISSLW and HAEN (kept, no effect), the RESET pin (see <see cref="Reset"/>), bus timing.
/// Pins are numbered as Iot.Device.Bindings numbers them: GPA0–GPA7 are 0–7, GPB0–GPB7 are 8–15.
/// The outside world drives input pins with <see cref="DriveInput"/> and watches outputs with <see cref="PinLevel"/>.
/// </summary>
public sealed class Mcp23017Simulator : ISimulatedI2cChip
{
    /// <summary>Pins on the chip.</summary>
    public const int PinCount = 16;

    private const byte IoconBank = 0x80;
    private const byte IoconMirror = 0x40;
    private const byte IoconSeqop = 0x20;
    private const byte IoconOdr = 0x04;
    private const byte IoconIntpol = 0x02;
    private const byte IoconImplemented = 0xFE; // bit 0 is unimplemented and reads as 0

    private readonly object _gate = new();
    private readonly Mcp23017Port[] _ports = [new(), new()];
    private readonly byte[] _drivenMask = new byte[2];
    private readonly byte[] _drivenLevels = new byte[2];
    private byte _iocon;
    private int _pointer;

    /// <summary>Raised after a transfer or a change from outside moved any output pin (level or direction).</summary>
    public event EventHandler? OutputsChanged;

    /// <summary>Raised after INTA or INTB changed; read <see cref="InterruptA"/> and <see cref="InterruptB"/>.</summary>
    public event EventHandler? InterruptLinesChanged;

    /// <summary>What INTA drives: a level, or null when released (open-drain and inactive).</summary>
    public PinValue? InterruptA => Locked(() => InterruptLine(0));

    /// <summary>What INTB drives: a level, or null when released (open-drain and inactive).</summary>
    public PinValue? InterruptB => Locked(() => InterruptLine(1));

    /// <summary>The level on <paramref name="pin"/>: an output's latch, an input's driven level, else its pull-up, else low.</summary>
    public PinValue PinLevel(int pin)
    {
        CheckPin(pin);
        return Locked(() => (PinLevels(pin / 8) >> (pin % 8) & 1) == 1 ? PinValue.High : PinValue.Low);
    }

    /// <summary>Whether <paramref name="pin"/> is an output (its IODIR bit is clear).</summary>
    public bool IsOutput(int pin)
    {
        CheckPin(pin);
        return Locked(() => (_ports[pin / 8].Iodir >> (pin % 8) & 1) == 0);
    }

    /// <summary>The outside world drives <paramref name="pin"/> to <paramref name="value"/> (an output pin ignores it while it drives).</summary>
    public void DriveInput(int pin, PinValue value) => ChangeFromOutside(pin, value);

    /// <summary>The outside world lets go of <paramref name="pin"/> (a button released, a wire removed).</summary>
    public void ReleaseInput(int pin) => ChangeFromOutside(pin, null);

    /// <summary>A power-on reset: every register back to its POR value, the address pointer to 0x00.</summary>
    public void Reset() => Change(() =>
    {
        foreach (var port in _ports)
        {
            port.Reset();
        }

        _iocon = 0;
        _pointer = 0;
    });

    /// <summary>A write transfer: the first byte sets the address pointer, each further byte writes a register.</summary>
    /// <exception cref="IOException">An address the map has no register at; registers written before it keep their values.</exception>
    public void Write(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return; // only the address was acknowledged
        }

        var bytes = data.ToArray();
        Change(() =>
        {
            Decode(bytes[0]);
            _pointer = bytes[0];
            foreach (var value in bytes.AsSpan(1))
            {
                var (register, port) = Decode(_pointer);
                WriteRegister(register, port, value);
                Advance();
            }
        });
    }

    /// <summary>A read transfer from the address pointer on; reading GPIO or INTCAP clears that port's interrupt.</summary>
    /// <exception cref="IOException">The pointer holds an address the map has no register at.</exception>
    public void Read(Span<byte> data)
    {
        var values = new byte[data.Length];
        Change(() =>
        {
            for (var i = 0; i < values.Length; i++)
            {
                var (register, port) = Decode(_pointer);
                values[i] = ReadRegister(register, port);
                if (register is Mcp23017Register.Gpio or Mcp23017Register.Intcap)
                {
                    _ports[port].ClearInterrupt();
                    Settle();
                }

                Advance();
            }
        });
        values.CopyTo(data);
    }

    private bool Bank1 => (_iocon & IoconBank) != 0;

    private void ChangeFromOutside(int pin, PinValue? value)
    {
        CheckPin(pin);
        var bit = (byte)(1 << (pin % 8));
        Change(() =>
        {
            var port = pin / 8;
            _drivenMask[port] = value is null ? (byte)(_drivenMask[port] & ~bit) : (byte)(_drivenMask[port] | bit);
            _drivenLevels[port] = value == PinValue.High ? (byte)(_drivenLevels[port] | bit) : (byte)(_drivenLevels[port] & ~bit);
        });
    }

    // Runs a change under the lock, then tells listeners what moved, outside it, so they may use the chip again.
    private void Change(Action change)
    {
        bool outputsMoved;
        bool linesMoved;
        lock (_gate)
        {
            var outputsBefore = OutputSnapshot();
            var linesBefore = (InterruptLine(0), InterruptLine(1));
            try
            {
                change();
            }
            finally
            {
                Settle();
                outputsMoved = OutputSnapshot() != outputsBefore;
                linesMoved = (InterruptLine(0), InterruptLine(1)) != linesBefore;
            }
        }

        if (outputsMoved)
        {
            OutputsChanged?.Invoke(this, EventArgs.Empty);
        }

        if (linesMoved)
        {
            InterruptLinesChanged?.Invoke(this, EventArgs.Empty);
        }
    }

    private void Settle()
    {
        for (var port = 0; port < 2; port++)
        {
            _ports[port].Settle(_ports[port].GpioValue(PinLevels(port)));
        }
    }

    private byte PinLevels(int port) => _ports[port].PinLevels(_drivenMask[port], _drivenLevels[port]);

    private long OutputSnapshot()
        => _ports[0].Iodir | (long)_ports[1].Iodir << 8 | (long)(_ports[0].Olat & ~_ports[0].Iodir & 0xFF) << 16 | (long)(_ports[1].Olat & ~_ports[1].Iodir & 0xFF) << 24;

    private PinValue? InterruptLine(int port)
    {
        var active = (_iocon & IoconMirror) != 0
            ? _ports[0].InterruptActive || _ports[1].InterruptActive
            : _ports[port].InterruptActive;
        if ((_iocon & IoconOdr) != 0)
        {
            return active ? PinValue.Low : null; // open drain: pulls low when active, else lets go
        }

        var activeHigh = (_iocon & IoconIntpol) != 0;
        return active == activeHigh ? PinValue.High : PinValue.Low;
    }

    private (Mcp23017Register Register, int Port) Decode(int address)
    {
        if (!Mcp23017AddressMap.TryDecode(address, Bank1, out var register, out var port))
        {
            throw new IOException($"MCP23017: no register at address 0x{address:X2} (registers are at {Mcp23017AddressMap.Describe(Bank1)}); the chip does not acknowledge it.");
        }

        return (register, port);
    }

    private void Advance() => _pointer = Mcp23017AddressMap.Next(_pointer, Bank1, byteMode: (_iocon & IoconSeqop) != 0);

    private byte ReadRegister(Mcp23017Register register, int port)
    {
        var p = _ports[port];
        return register switch
        {
            Mcp23017Register.Iodir => p.Iodir,
            Mcp23017Register.Ipol => p.Ipol,
            Mcp23017Register.Gpinten => p.Gpinten,
            Mcp23017Register.Defval => p.Defval,
            Mcp23017Register.Intcon => p.Intcon,
            Mcp23017Register.Iocon => _iocon,
            Mcp23017Register.Gppu => p.Gppu,
            Mcp23017Register.Intf => p.Intf,
            Mcp23017Register.Intcap => p.Intcap,
            Mcp23017Register.Gpio => p.GpioValue(PinLevels(port)),
            _ => p.Olat,
        };
    }

    private void WriteRegister(Mcp23017Register register, int port, byte value)
    {
        var p = _ports[port];
        switch (register)
        {
            case Mcp23017Register.Iodir: p.Iodir = value; break;
            case Mcp23017Register.Ipol: p.Ipol = value; break;
            case Mcp23017Register.Gpinten: p.Gpinten = value; break;
            case Mcp23017Register.Defval: p.Defval = value; break;
            case Mcp23017Register.Intcon: p.Intcon = value; break;
            case Mcp23017Register.Iocon: _iocon = (byte)(value & IoconImplemented); break; // one register, at both addresses
            case Mcp23017Register.Gppu: p.Gppu = value; break;
            case Mcp23017Register.Gpio or Mcp23017Register.Olat: p.Olat = value; break; // writing GPIO writes the latch
            default: break; // INTF and INTCAP are read-only: the write is acknowledged and has no effect
        }

        Settle();
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    private static void CheckPin(int pin)
    {
        if (pin is < 0 or >= PinCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pin), pin, "MCP23017 pins are 0–7 (GPA0–GPA7) and 8–15 (GPB0–GPB7).");
        }
    }
}
