using System.Device.Spi;
using Appliance.Drivers.Simulated.Buses.Internal;

namespace Appliance.Drivers.Simulated.Buses;

/// <summary>
/// An SPI bus of the simulated board with a chip on each of its chip-select lines. Devices opened on it are
/// System.Device's <see cref="SpiDevice"/>; each call on one is one chip-select period, as a spidev transfer is.
/// </summary>
public sealed class SimulatedSpiBus
{
    private readonly Dictionary<int, ISimulatedSpiChip> _chips = [];

    /// <summary>A bus numbered <paramref name="busId"/> (/dev/spidevBUS.CS on a real board).</summary>
    public SimulatedSpiBus(int busId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(busId);
        BusId = busId;
    }

    /// <summary>The bus number.</summary>
    public int BusId { get; }

    /// <summary>Serializes transfers, as one bus clocks one chip at a time.</summary>
    internal object Gate { get; } = new();

    /// <summary>Puts <paramref name="chip"/> on <paramref name="chipSelectLine"/>.</summary>
    /// <exception cref="ArgumentException">The line is negative or already taken.</exception>
    public void Attach(int chipSelectLine, ISimulatedSpiChip chip)
    {
        ArgumentNullException.ThrowIfNull(chip);
        ArgumentOutOfRangeException.ThrowIfNegative(chipSelectLine);
        lock (Gate)
        {
            if (!_chips.TryAdd(chipSelectLine, chip))
            {
                throw new ArgumentException($"Simulated SPI bus {BusId} already has a chip on chip select {chipSelectLine}.", nameof(chipSelectLine));
            }
        }
    }

    /// <summary>Opens the chip on <paramref name="settings"/>' chip select with a copy of the settings (later changes to them do not apply).</summary>
    /// <exception cref="ArgumentException">The settings name another bus or a chip select with no chip, as a missing /dev/spidev node would.</exception>
    public SpiDevice OpenDevice(SpiConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ISimulatedSpiChip? chip;
        lock (Gate)
        {
            _chips.TryGetValue(settings.ChipSelectLine, out chip);
        }

        if (settings.BusId != BusId || chip is null)
        {
            throw new ArgumentException(
                $"SPI device {settings.BusId}.{settings.ChipSelectLine} does not exist on the simulated board; it has bus {BusId} with chip selects {string.Join(", ", _chips.Keys.Order())}.",
                nameof(settings));
        }

        var copy = new SpiConnectionSettings(settings.BusId, settings.ChipSelectLine)
        {
            Mode = settings.Mode,
            DataFlow = settings.DataFlow,
            DataBitLength = settings.DataBitLength,
            ClockFrequency = settings.ClockFrequency,
            ChipSelectLineActiveState = settings.ChipSelectLineActiveState,
        };
        return new SimulatedSpiDevice(this, chip, copy);
    }
}
