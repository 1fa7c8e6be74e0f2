using Appliance.Hal.Gpio;

namespace Appliance.Drivers.Simulated.Tests.Hal;

public sealed class PinValueTests
{
    [Fact]
    public void Converts_like_System_Device_Gpio()
    {
        PinValue fromTrue = true;
        PinValue fromZero = 0;
        PinValue fromFive = 5;

        Assert.Equal(PinValue.High, fromTrue);
        Assert.Equal(PinValue.Low, fromZero);
        Assert.Equal(PinValue.High, fromFive);
        Assert.True((bool)PinValue.High);
        Assert.Equal(0, (int)PinValue.Low);
        Assert.Equal(PinValue.Low, !PinValue.High);
        Assert.True(PinValue.High != PinValue.Low);
        Assert.Equal("High", PinValue.High.ToString());
        Assert.Equal("Low", default(PinValue).ToString());
    }
}
