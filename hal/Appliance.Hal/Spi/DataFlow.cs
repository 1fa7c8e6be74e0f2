namespace Appliance.Hal.Spi;

/// <summary>Bit order on the wire, as System.Device.Spi's <c>DataFlow</c>.</summary>
public enum DataFlow
{
    /// <summary>Most significant bit first (almost every device).</summary>
    MsbFirst,

    /// <summary>Least significant bit first.</summary>
    LsbFirst,
}
