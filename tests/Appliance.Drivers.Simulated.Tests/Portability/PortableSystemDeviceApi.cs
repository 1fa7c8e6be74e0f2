namespace Appliance.Drivers.Simulated.Tests.Portability;

/// <summary>
/// The System.Device members our code may use, as "Type.Member/parameter count". <see cref="Use"/> is what
/// nanoFramework's System.Device.Gpio, .I2c and .Spi also have, so a driver built on it can move to a microcontroller;
/// README's "GPIO, I2C and SPI on the box" lists the same. <see cref="Implement"/> is what a platform driver (the
/// simulated board, Linux) needs besides, to be a GpioDriver, I2cDevice or SpiDevice; those never move.
/// </summary>
internal static class PortableSystemDeviceApi
{
    public static readonly IReadOnlySet<string> UseTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Device.Gpio.GpioController", "System.Device.Gpio.PinValue", "System.Device.Gpio.PinMode",
        "System.Device.Gpio.PinEventTypes", "System.Device.Gpio.PinValueChangedEventArgs", "System.Device.Gpio.PinChangeEventHandler",
        "System.Device.I2c.I2cDevice", "System.Device.I2c.I2cConnectionSettings",
        "System.Device.Spi.SpiDevice", "System.Device.Spi.SpiConnectionSettings", "System.Device.Spi.SpiMode", "System.Device.Spi.DataFlow",
    };

    public static readonly IReadOnlySet<string> Use = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Device.Gpio.GpioController..ctor/0", "System.Device.Gpio.GpioController.get_PinCount/0",
        "System.Device.Gpio.GpioController.OpenPin/1", "System.Device.Gpio.GpioController.OpenPin/2",
        "System.Device.Gpio.GpioController.ClosePin/1", "System.Device.Gpio.GpioController.IsPinOpen/1",
        "System.Device.Gpio.GpioController.SetPinMode/2", "System.Device.Gpio.GpioController.GetPinMode/1",
        "System.Device.Gpio.GpioController.IsPinModeSupported/2", "System.Device.Gpio.GpioController.Read/1",
        "System.Device.Gpio.GpioController.Write/2", "System.Device.Gpio.GpioController.Dispose/0",
        "System.Device.Gpio.GpioController.RegisterCallbackForPinValueChangedEvent/3",
        "System.Device.Gpio.GpioController.UnregisterCallbackForPinValueChangedEvent/2",
        "System.Device.Gpio.PinValue.get_High/0", "System.Device.Gpio.PinValue.get_Low/0",
        "System.Device.Gpio.PinValue.op_Implicit/1", "System.Device.Gpio.PinValue.op_Explicit/1",
        "System.Device.Gpio.PinValue.op_Equality/2", "System.Device.Gpio.PinValue.op_Inequality/2",
        "System.Device.Gpio.PinValue.Equals/1", "System.Device.Gpio.PinValue.GetHashCode/0", "System.Device.Gpio.PinValue.ToString/0",
        "System.Device.Gpio.PinValueChangedEventArgs.get_ChangeType/0", "System.Device.Gpio.PinValueChangedEventArgs.get_PinNumber/0",
        "System.Device.Gpio.PinChangeEventHandler..ctor/2", "System.Device.Gpio.PinChangeEventHandler.Invoke/2",
        "System.Device.I2c.I2cDevice.Create/1", "System.Device.I2c.I2cDevice.get_ConnectionSettings/0",
        "System.Device.I2c.I2cDevice.ReadByte/0", "System.Device.I2c.I2cDevice.Read/1", "System.Device.I2c.I2cDevice.WriteByte/1",
        "System.Device.I2c.I2cDevice.Write/1", "System.Device.I2c.I2cDevice.WriteRead/2", "System.Device.I2c.I2cDevice.Dispose/0",
        "System.Device.I2c.I2cConnectionSettings..ctor/2", "System.Device.I2c.I2cConnectionSettings.get_BusId/0",
        "System.Device.I2c.I2cConnectionSettings.get_DeviceAddress/0",
        "System.Device.Spi.SpiDevice.Create/1", "System.Device.Spi.SpiDevice.get_ConnectionSettings/0",
        "System.Device.Spi.SpiDevice.ReadByte/0", "System.Device.Spi.SpiDevice.Read/1", "System.Device.Spi.SpiDevice.WriteByte/1",
        "System.Device.Spi.SpiDevice.Write/1", "System.Device.Spi.SpiDevice.TransferFullDuplex/2", "System.Device.Spi.SpiDevice.Dispose/0",
        "System.Device.Spi.SpiConnectionSettings..ctor/2", "System.Device.Spi.SpiConnectionSettings.get_BusId/0",
        "System.Device.Spi.SpiConnectionSettings.get_ChipSelectLine/0",
        "System.Device.Spi.SpiConnectionSettings.get_Mode/0", "System.Device.Spi.SpiConnectionSettings.set_Mode/1",
        "System.Device.Spi.SpiConnectionSettings.get_DataFlow/0", "System.Device.Spi.SpiConnectionSettings.set_DataFlow/1",
        "System.Device.Spi.SpiConnectionSettings.get_DataBitLength/0", "System.Device.Spi.SpiConnectionSettings.set_DataBitLength/1",
        "System.Device.Spi.SpiConnectionSettings.get_ClockFrequency/0", "System.Device.Spi.SpiConnectionSettings.set_ClockFrequency/1",
        "System.Device.Spi.SpiConnectionSettings.get_ChipSelectLineActiveState/0", "System.Device.Spi.SpiConnectionSettings.set_ChipSelectLineActiveState/1",
    };

    public static readonly IReadOnlySet<string> ImplementTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Device.Gpio.GpioDriver", "System.Device.Gpio.WaitForEventResult",
    };

    public static readonly IReadOnlySet<string> Implement = new HashSet<string>(StringComparer.Ordinal)
    {
        "System.Device.Gpio.GpioDriver..ctor/0", "System.Device.Gpio.GpioDriver.Dispose/0", "System.Device.Gpio.GpioDriver.Dispose/1",
        "System.Device.Gpio.WaitForEventResult.EventTypes", "System.Device.Gpio.WaitForEventResult.TimedOut",
        "System.Device.Gpio.PinValueChangedEventArgs..ctor/2",
        "System.Device.I2c.I2cDevice..ctor/0", "System.Device.I2c.I2cDevice.Dispose/1",
        "System.Device.Spi.SpiDevice..ctor/0", "System.Device.Spi.SpiDevice.Dispose/1",
    };

    /// <summary>Assemblies that are platform drivers and so may also use <see cref="Implement"/>.</summary>
    public static readonly IReadOnlySet<string> PlatformDrivers = new HashSet<string>(StringComparer.Ordinal)
    {
        "Appliance.Drivers.Simulated", "Appliance.Drivers.Linux",
    };
}
