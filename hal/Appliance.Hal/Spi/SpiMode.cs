namespace Appliance.Hal.Spi;

/// <summary>Clock polarity (CPOL) and phase (CPHA), as System.Device.Spi's <c>SpiMode</c>.</summary>
public enum SpiMode
{
    /// <summary>CPOL 0, CPHA 0.</summary>
    Mode0,

    /// <summary>CPOL 0, CPHA 1.</summary>
    Mode1,

    /// <summary>CPOL 1, CPHA 0.</summary>
    Mode2,

    /// <summary>CPOL 1, CPHA 1.</summary>
    Mode3,
}
