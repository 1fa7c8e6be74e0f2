namespace Appliance.Hal.Gpio;

/// <summary>How a pin is driven, as System.Device.Gpio's <c>PinMode</c>.</summary>
public enum PinMode
{
    /// <summary>Input, floating.</summary>
    Input,

    /// <summary>Output driven by the box.</summary>
    Output,

    /// <summary>Input with the internal pull-down resistor: reads low when nothing drives it.</summary>
    InputPullDown,

    /// <summary>Input with the internal pull-up resistor: reads high when nothing drives it.</summary>
    InputPullUp,
}
