namespace Appliance.Drivers.Simulated.Chips.Internal;

/// <summary>
/// One 8-pin port of the MCP23017: its registers and its interrupt-on-change logic (datasheet 3.6). Bit n is pin n of
/// the port. Guarded by the chip's lock.
/// </summary>
internal sealed class Mcp23017Port
{
    /// <summary>The last value the pin-change comparison saw (the datasheet's "previous value"); see <see cref="Settle"/>.</summary>
    private byte _reference;

    public byte Iodir { get; set; } = 0xFF;

    public byte Ipol { get; set; }

    public byte Gpinten { get; set; }

    public byte Defval { get; set; }

    public byte Intcon { get; set; }

    public byte Gppu { get; set; }

    public byte Olat { get; set; }

    public byte Intf { get; private set; }

    public byte Intcap { get; private set; }

    /// <summary>Whether the port's interrupt is active (until GPIO or INTCAP is read).</summary>
    public bool InterruptActive { get; private set; }

    /// <summary>The levels on the pins: an output shows its latch; an input what drives it, else its pull-up, else low.</summary>
    public byte PinLevels(byte drivenMask, byte drivenLevels)
    {
        var inputs = (byte)((drivenLevels & drivenMask) | (Gppu & ~drivenMask));
        return (byte)((Olat & ~Iodir) | (inputs & Iodir));
    }

    /// <summary>What reading GPIO returns: pin levels, with inputs inverted where IPOL says.</summary>
    public byte GpioValue(byte pinLevels) => (byte)(pinLevels ^ (Ipol & Iodir));

    /// <summary>
    /// Brings the interrupt logic up to date with the port's value now. Pins that cannot interrupt (outputs, or IOC off)
    /// follow the value, so enabling IOC later does not fire on an old change. If no interrupt is active and an enabled
    /// input differs from DEFVAL (INTCON = 1) or from its previous value (INTCON = 0), the interrupt fires: INTF marks
    /// those pins, INTCAP captures the port, and the captured value becomes the previous value.
    /// </summary>
    public void Settle(byte gpioValue)
    {
        var enabled = (byte)(Gpinten & Iodir);
        _reference = (byte)((_reference & enabled) | (gpioValue & ~enabled));
        if (InterruptActive)
        {
            return;
        }

        var differs = (byte)((Intcon & (gpioValue ^ Defval)) | (~Intcon & (gpioValue ^ _reference)));
        var cause = (byte)(differs & enabled);
        if (cause == 0)
        {
            return;
        }

        InterruptActive = true;
        Intf = cause;
        Intcap = gpioValue;
        _reference = gpioValue;
    }

    /// <summary>
    /// A read of GPIO or INTCAP ended: the interrupt clears. The caller settles again at once, so a change that came
    /// while it was active (or a DEFVAL mismatch that still holds) fires a new one, as the datasheet's note on a pending
    /// interrupt-on-change describes.
    /// </summary>
    public void ClearInterrupt()
    {
        InterruptActive = false;
        Intf = 0;
    }

    /// <summary>Back to the power-on values.</summary>
    public void Reset()
    {
        Iodir = 0xFF;
        Ipol = Gpinten = Defval = Intcon = Gppu = Olat = 0;
        Intf = Intcap = _reference = 0;
        InterruptActive = false;
    }
}
