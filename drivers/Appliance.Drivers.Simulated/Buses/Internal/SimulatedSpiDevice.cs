using System.Device.Spi;

namespace Appliance.Drivers.Simulated.Buses.Internal;

/// <summary>System.Device's <see cref="SpiDevice"/> over a <see cref="SimulatedSpiBus"/>: each call is one chip-select period.</summary>
internal sealed class SimulatedSpiDevice(SimulatedSpiBus bus, ISimulatedSpiChip chip, SpiConnectionSettings settings) : SpiDevice
{
    private bool _disposed;

    public override SpiConnectionSettings ConnectionSettings { get; } = settings;

    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    /// <summary>Clocks out zeros and keeps what comes back.</summary>
    public override void Read(Span<byte> buffer)
    {
        var zeros = new byte[buffer.Length];
        Transfer(zeros, buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Clocks <paramref name="buffer"/> out and drops what comes back.</summary>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var ignored = new byte[buffer.Length];
        Transfer(buffer, ignored);
    }

    /// <exception cref="ArgumentException">The buffers differ in length: full duplex clocks both together.</exception>
    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        if (writeBuffer.Length != readBuffer.Length)
        {
            throw new ArgumentException($"A full-duplex SPI transfer needs buffers of one length, not {writeBuffer.Length} to write and {readBuffer.Length} to read.", nameof(readBuffer));
        }

        Transfer(writeBuffer, readBuffer);
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }

    private void Transfer(ReadOnlySpan<byte> fromController, Span<byte> toController)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (bus.Gate)
        {
            chip.Transfer(ConnectionSettings, fromController, toController);
        }
    }
}
