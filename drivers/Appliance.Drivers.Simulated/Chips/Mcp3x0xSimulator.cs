using System.Device.Spi;
using Appliance.Drivers.Simulated.Buses;
using Appliance.Drivers.Simulated.Chips.Internal;

namespace Appliance.Drivers.Simulated.Chips;

/// <summary>
/// A Microchip MCP3004/3008 (10-bit) or MCP3204/3208 (12-bit) SPI ADC, bit by bit as its datasheet frames a
/// conversion (start bit, SGL/DIFF, D2–D0, sample, null bit, result MSB first, then LSB first, then zeros), reading the
/// voltages of the simulated world on each conversion. Single-ended: code = 2^N × V(CHn) / VREF. Pseudo-differential:
/// the pair CH(2k)/CH(2k+1) chosen by D2 D1, D0 saying which is IN+; code = 2^N × (IN+ − IN−) / VREF, 0 when IN− is
/// higher. Codes are clamped to 0 … 2^N − 1. Each SPI transfer is one chip-select period; a transfer that ends early
/// aborts the conversion, as raising CS does.
/// </summary>
public sealed class Mcp3x0xSimulator : ISimulatedSpiChip
{
    private readonly Func<int, double> _inputVolts;
    private int _conversions;

    /// <summary>A chip of <paramref name="model"/> with <paramref name="referenceVolts"/> on VREF, whose channel n sees <paramref name="inputVolts"/>(n) volts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown model, or a reference outside the datasheet's 0.25 V – 5.5 V.</exception>
    public Mcp3x0xSimulator(Mcp3x0xModel model, double referenceVolts, Func<int, double> inputVolts)
    {
        ArgumentNullException.ThrowIfNull(inputVolts);
        if (!Enum.IsDefined(model))
        {
            throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown MCP3x0x model.");
        }

        if (!(referenceVolts is >= 0.25 and <= 5.5))
        {
            throw new ArgumentOutOfRangeException(nameof(referenceVolts), referenceVolts, "VREF must be 0.25 V to 5.5 V.");
        }

        Model = model;
        ReferenceVolts = referenceVolts;
        _inputVolts = inputVolts;
    }

    /// <summary>Which chip this is.</summary>
    public Mcp3x0xModel Model { get; }

    /// <summary>The voltage on VREF.</summary>
    public double ReferenceVolts { get; }

    /// <summary>4 or 8.</summary>
    public int ChannelCount => Model is Mcp3x0xModel.Mcp3004 or Mcp3x0xModel.Mcp3204 ? 4 : 8;

    /// <summary>10 or 12.</summary>
    public int ResolutionBits => Model is Mcp3x0xModel.Mcp3004 or Mcp3x0xModel.Mcp3008 ? 10 : 12;

    /// <summary>The fastest SPI clock the datasheet allows (at VDD = 5 V).</summary>
    public int MaximumClockHz => ResolutionBits == 10 ? 3_600_000 : 2_000_000;

    /// <summary>Samples taken so far.</summary>
    public int Conversions => Volatile.Read(ref _conversions);

    /// <summary>The code a conversion of <paramref name="volts"/> gives.</summary>
    public int CodeFor(double volts)
    {
        var full = 1 << ResolutionBits;
        var code = Math.Floor(volts / ReferenceVolts * full);
        return double.IsNaN(code) ? 0 : (int)Math.Clamp(code, 0, full - 1);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">Not SPI mode 0 or 3, not MSB first, not 8-bit words, or a clock faster than the chip takes.</exception>
    public void Transfer(SpiConnectionSettings settings, ReadOnlySpan<byte> fromController, Span<byte> toController)
    {
        ArgumentNullException.ThrowIfNull(settings);
        CheckSettings(settings);
        var conversion = new Mcp3x0xConversion(ResolutionBits, Sample);
        for (var i = 0; i < fromController.Length; i++)
        {
            var received = 0;
            for (var bit = 7; bit >= 0; bit--)
            {
                var dout = conversion.Clock((fromController[i] >> bit & 1) == 1);
                received |= (dout ? 1 : 0) << bit;
            }

            toController[i] = (byte)received;
        }
    }

    private int Sample(bool singleEnded, int selection)
    {
        Interlocked.Increment(ref _conversions);
        if (ChannelCount == 4)
        {
            selection &= 0b011; // D2 is a don't-care bit on the 4-channel parts
        }

        if (singleEnded)
        {
            return CodeFor(_inputVolts(selection));
        }

        var pair = selection & ~1;
        var (plus, minus) = (selection & 1) == 0 ? (pair, pair + 1) : (pair + 1, pair);
        return CodeFor(_inputVolts(plus) - _inputVolts(minus));
    }

    private void CheckSettings(SpiConnectionSettings settings)
    {
        if (settings.Mode is not (SpiMode.Mode0 or SpiMode.Mode3) || settings.DataFlow != DataFlow.MsbFirst
            || settings.DataBitLength != 8 || settings.ClockFrequency > MaximumClockHz)
        {
            throw new InvalidOperationException(
                $"{Model} on SPI {settings.BusId}.{settings.ChipSelectLine} works in SPI mode 0 or 3, MSB first, 8-bit words, at most {MaximumClockHz} Hz; "
                + $"the device was opened with {settings.Mode}, {settings.DataFlow}, {settings.DataBitLength}-bit words at {settings.ClockFrequency} Hz.");
        }
    }
}
