namespace Appliance.Hal.I2c;

/// <summary>Where an I2C device sits, as System.Device.I2c's <c>I2cConnectionSettings</c>.</summary>
public sealed class I2cConnectionSettings
{
    /// <summary>The device at 7-bit <paramref name="deviceAddress"/> on bus <paramref name="busId"/> (/dev/i2c-busId).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative bus or an address outside 0x00–0x7F.</exception>
    public I2cConnectionSettings(int busId, int deviceAddress)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(busId);
        if (deviceAddress is < 0 or > 0x7F)
        {
            throw new ArgumentOutOfRangeException(nameof(deviceAddress), deviceAddress, "I2C device addresses are 7-bit: 0x00 to 0x7F.");
        }

        BusId = busId;
        DeviceAddress = deviceAddress;
    }

    /// <summary>The bus number.</summary>
    public int BusId { get; }

    /// <summary>The device's 7-bit address.</summary>
    public int DeviceAddress { get; }
}
