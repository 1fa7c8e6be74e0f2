namespace Appliance.Hal.Gpio;

/// <summary>Edges a pin reports, as System.Device.Gpio's <c>PinEventTypes</c>.</summary>
[Flags]
public enum PinEventTypes
{
    /// <summary>No edge.</summary>
    None = 0,

    /// <summary>Low to high.</summary>
    Rising = 1,

    /// <summary>High to low.</summary>
    Falling = 2,
}
