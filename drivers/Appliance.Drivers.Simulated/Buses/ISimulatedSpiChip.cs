using System.Device.Spi;

namespace Appliance.Drivers.Simulated.Buses;

/// <summary>A chip on a <see cref="SimulatedSpiBus"/>: each call is one period with its chip select asserted.</summary>
public interface ISimulatedSpiChip
{
    /// <summary>
    /// Clocks <paramref name="fromController"/> in and fills <paramref name="toController"/> (same length) with what the
    /// chip shifts out, under <paramref name="settings"/> (mode, bit order, word length and clock the controller uses).
    /// </summary>
    /// <exception cref="InvalidOperationException">The settings are ones the chip cannot work with.</exception>
    void Transfer(SpiConnectionSettings settings, ReadOnlySpan<byte> fromController, Span<byte> toController);
}
