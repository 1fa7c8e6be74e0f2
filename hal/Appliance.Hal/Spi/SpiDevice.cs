namespace Appliance.Hal.Spi;

/// <summary>One device on an SPI bus, as System.Device.Spi's <c>SpiDevice</c>.</summary>
public abstract class SpiDevice : IDisposable
{
    /// <summary>The bus, chip select and clocking this device was opened with.</summary>
    public abstract SpiConnectionSettings ConnectionSettings { get; }

    /// <summary>Clocks in one byte (sending zeros).</summary>
    public abstract byte ReadByte();

    /// <summary>Clocks in <paramref name="buffer"/>.Length bytes.</summary>
    public abstract void Read(Span<byte> buffer);

    /// <summary>Clocks out one byte, discarding what comes back.</summary>
    public abstract void WriteByte(byte value);

    /// <summary>Clocks out <paramref name="buffer"/>, discarding what comes back.</summary>
    public abstract void Write(ReadOnlySpan<byte> buffer);

    /// <summary>Sends and receives at once; both buffers must be the same length.</summary>
    public abstract void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the bus handle.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
