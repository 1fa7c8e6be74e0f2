using System.Device.I2c;
using Appliance.Drivers.Simulated.Buses.Internal;

namespace Appliance.Drivers.Simulated.Buses;

/// <summary>
/// An I2C bus of the simulated board with its chips at their 7-bit addresses. Devices opened on it are System.Device's
/// <see cref="I2cDevice"/>, so drivers (and Iot.Device.Bindings) talk to the simulated chips as to real ones: a
/// transfer to an address nobody answers fails with an <see cref="IOException"/>, as a NACK does on Linux.
/// </summary>
public sealed class SimulatedI2cBus
{
    private readonly Dictionary<int, ISimulatedI2cChip> _chips = [];

    /// <summary>A bus numbered <paramref name="busId"/> (/dev/i2c-busId on a real board).</summary>
    public SimulatedI2cBus(int busId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(busId);
        BusId = busId;
    }

    /// <summary>The bus number.</summary>
    public int BusId { get; }

    /// <summary>Serializes transfers, as one bus carries one transfer at a time.</summary>
    internal object Gate { get; } = new();

    /// <summary>Puts <paramref name="chip"/> on the bus at <paramref name="address"/>.</summary>
    /// <exception cref="ArgumentException">The address is not a 7-bit one, or already taken.</exception>
    public void Attach(int address, ISimulatedI2cChip chip)
    {
        ArgumentNullException.ThrowIfNull(chip);
        CheckAddress(address);
        lock (Gate)
        {
            if (!_chips.TryAdd(address, chip))
            {
                throw new ArgumentException($"Simulated I2C bus {BusId} already has a chip at address 0x{address:X2}.", nameof(address));
            }
        }
    }

    /// <summary>Opens the device at <paramref name="settings"/>' address; like Linux, opening succeeds whether or not a chip answers there.</summary>
    /// <exception cref="ArgumentException">The settings name another bus.</exception>
    public I2cDevice OpenDevice(I2cConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.BusId != BusId)
        {
            throw new ArgumentException($"I2C bus {settings.BusId} does not exist on the simulated board; its bus is {BusId}.", nameof(settings));
        }

        CheckAddress(settings.DeviceAddress);
        return new SimulatedI2cDevice(this, new I2cConnectionSettings(settings.BusId, settings.DeviceAddress));
    }

    /// <summary>The chip answering at <paramref name="address"/>.</summary>
    /// <exception cref="IOException">No chip is there.</exception>
    internal ISimulatedI2cChip ChipAt(int address)
        => _chips.TryGetValue(address, out var chip)
            ? chip
            : throw new IOException($"No device acknowledged address 0x{address:X2} on simulated I2C bus {BusId}.");

    private static void CheckAddress(int address)
    {
        if (address is < 0 or > 0x7F)
        {
            throw new ArgumentOutOfRangeException(nameof(address), address, "I2C device addresses are 7-bit: 0x00 to 0x7F.");
        }
    }
}
