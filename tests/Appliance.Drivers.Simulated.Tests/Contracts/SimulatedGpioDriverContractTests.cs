using System.Device.Gpio;

namespace Appliance.Drivers.Simulated.Tests.Contracts;

/// <summary>The simulated GPIO chip passes the driver contract, with pins 3 and 4 wired together.</summary>
public sealed class SimulatedGpioDriverContractTests : GpioDriverContract
{
    protected override int OutputPin => 3;

    protected override int InputPin => 4;

    protected override GpioDriver CreateDriver()
    {
        var driver = new SimulatedGpioDriver(16);
        driver.Connect(OutputPin, InputPin);
        return driver;
    }
}
