namespace Appliance.Drivers.Simulated.Chips;

/// <summary>The Microchip successive-approximation ADCs <see cref="Mcp3x0xSimulator"/> models; they share one SPI framing.</summary>
public enum Mcp3x0xModel
{
    /// <summary>10-bit, 4 channels (D2 is a don't-care bit).</summary>
    Mcp3004,

    /// <summary>10-bit, 8 channels.</summary>
    Mcp3008,

    /// <summary>12-bit, 4 channels (D2 is a don't-care bit).</summary>
    Mcp3204,

    /// <summary>12-bit, 8 channels.</summary>
    Mcp3208,
}
