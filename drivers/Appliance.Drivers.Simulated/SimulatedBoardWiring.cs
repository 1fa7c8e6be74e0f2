using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated;

/// <summary>
/// How the simulated board's chips are wired, as a real board's schematic would say: what a bus-level driver (and a
/// test) needs to find the front panel and the line-voltage sense.
/// </summary>
public static class SimulatedBoardWiring
{
    /// <summary>The I2C bus of the front panel.</summary>
    public const int I2cBusId = 1;

    /// <summary>The front panel's MCP23017 (A2..A0 tied low).</summary>
    public const int FrontPanelAddress = 0x20;

    /// <summary>GPA0–GPA7 (expander pins 0–7) drive the first eight front-panel LEDs, in the board description's order, lit when high.</summary>
    public const int FirstLedPin = 0;

    /// <summary>GPB0 (expander pin 8): the front button, which pulls the pin low while pressed and has no external pull-up (enable GPPU).</summary>
    public const int FrontButtonPin = 8;

    /// <summary>The host GPIO pin wired to the expander's INTA (the board pulls it up).</summary>
    public const int FrontPanelInterruptAPin = 20;

    /// <summary>The host GPIO pin wired to the expander's INTB (the board pulls it up).</summary>
    public const int FrontPanelInterruptBPin = 21;

    /// <summary>The SPI bus of the line-voltage sense ADCs.</summary>
    public const int SpiBusId = 0;

    /// <summary>Line ports each MCP3008 senses: one per channel.</summary>
    public const int LinesPerSenseChip = 8;

    /// <summary>The sense ADCs' VREF.</summary>
    public const double SenseReferenceVolts = 3.3;

    /// <summary>The sense divider: line volts per volt at the ADC input (a rectifier ahead of it makes the reading polarity-blind).</summary>
    public const double SenseDivider = 50;

    /// <summary>Tip–ring volts of an idle line on hook (the exchange's battery).</summary>
    public const double OnHookLineVolts = 48;

    /// <summary>Tip–ring volts with the box off hook (loop current through the box).</summary>
    public const double OffHookLineVolts = 8;

    /// <summary>What the filtered sense reads inside a ring burst (ring voltage on the battery).</summary>
    public const double RingingLineVolts = 90;

    /// <summary>The chip select of the ADC that senses <paramref name="portNumber"/> (from 1).</summary>
    public static int SenseChipSelect(int portNumber) => (portNumber - 1) / LinesPerSenseChip;

    /// <summary>The ADC channel that senses <paramref name="portNumber"/> (from 1).</summary>
    public static int SenseChannel(int portNumber) => (portNumber - 1) % LinesPerSenseChip;

    /// <summary>The tip–ring volts the sense sees on <paramref name="port"/> now: none without battery, ringing, off hook, or idle.</summary>
    public static double LineVolts(IAnalogLinePort port)
    {
        ArgumentNullException.ThrowIfNull(port);
        if (!port.HasLineVoltage)
        {
            return 0;
        }

        if (port.IsRinging)
        {
            return RingingLineVolts;
        }

        return port.HookState == LineHookState.OffHook ? OffHookLineVolts : OnHookLineVolts;
    }
}
