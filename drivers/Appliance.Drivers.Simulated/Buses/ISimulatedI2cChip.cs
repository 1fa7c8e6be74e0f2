namespace Appliance.Drivers.Simulated.Buses;

/// <summary>
/// A chip on a <see cref="SimulatedI2cBus"/>, seen as an I2C target: each call is one transfer between a start (or
/// repeated start) and the next, after the chip acknowledged its address.
/// </summary>
public interface ISimulatedI2cChip
{
    /// <summary>The controller writes <paramref name="data"/> (its first byte is usually a register address).</summary>
    /// <exception cref="IOException">The chip does not acknowledge a byte, as a real one would NACK it.</exception>
    void Write(ReadOnlySpan<byte> data);

    /// <summary>The controller reads <paramref name="data"/>.Length bytes.</summary>
    /// <exception cref="IOException">The chip cannot answer the read.</exception>
    void Read(Span<byte> data);
}
