namespace Appliance.Hal.I2c;

/// <summary>One device on an I2C bus, as System.Device.I2c's <c>I2cDevice</c>.</summary>
public abstract class I2cDevice : IDisposable
{
    /// <summary>The bus and address this device was opened with.</summary>
    public abstract I2cConnectionSettings ConnectionSettings { get; }

    /// <summary>Reads one byte.</summary>
    public abstract byte ReadByte();

    /// <summary>Fills <paramref name="buffer"/> in one read transaction.</summary>
    public abstract void Read(Span<byte> buffer);

    /// <summary>Writes one byte.</summary>
    public abstract void WriteByte(byte value);

    /// <summary>Writes <paramref name="buffer"/> in one write transaction.</summary>
    public abstract void Write(ReadOnlySpan<byte> buffer);

    /// <summary>Writes then reads with a repeated start and no stop between (the usual register read).</summary>
    public abstract void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer);

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
