using System.Device.I2c;

namespace Appliance.Drivers.Simulated.Buses.Internal;

/// <summary>System.Device's <see cref="I2cDevice"/> over a <see cref="SimulatedI2cBus"/>: each call is one bus transfer.</summary>
internal sealed class SimulatedI2cDevice(SimulatedI2cBus bus, I2cConnectionSettings settings) : I2cDevice
{
    private bool _disposed;

    public override I2cConnectionSettings ConnectionSettings { get; } = settings;

    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    public override void Read(Span<byte> buffer)
    {
        lock (bus.Gate)
        {
            Chip().Read(buffer);
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (bus.Gate)
        {
            Chip().Write(buffer);
        }
    }

    /// <summary>Write, repeated start, read: nothing else reaches the bus in between.</summary>
    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        lock (bus.Gate)
        {
            var chip = Chip();
            chip.Write(writeBuffer);
            chip.Read(readBuffer);
        }
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }

    private ISimulatedI2cChip Chip()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return bus.ChipAt(ConnectionSettings.DeviceAddress);
    }
}
