namespace Appliance.Hal.Spi;

/// <summary>Where and how an SPI device is reached, as System.Device.Spi's <c>SpiConnectionSettings</c>.</summary>
public sealed class SpiConnectionSettings
{
    private int _clockFrequency = 500_000;
    private int _dataBitLength = 8;

    /// <summary>The device on chip select <paramref name="chipSelectLine"/> of bus <paramref name="busId"/> (/dev/spidevBUS.CS).</summary>
    public SpiConnectionSettings(int busId, int chipSelectLine = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(busId);
        ArgumentOutOfRangeException.ThrowIfNegative(chipSelectLine);
        BusId = busId;
        ChipSelectLine = chipSelectLine;
    }

    /// <summary>The bus number.</summary>
    public int BusId { get; }

    /// <summary>The chip select line.</summary>
    public int ChipSelectLine { get; }

    /// <summary>Clock polarity and phase; Mode0 unless set.</summary>
    public SpiMode Mode { get; set; } = SpiMode.Mode0;

    /// <summary>Bit order; MSB first unless set.</summary>
    public DataFlow DataFlow { get; set; } = DataFlow.MsbFirst;

    /// <summary>Clock in Hz; 500 kHz unless set.</summary>
    public int ClockFrequency
    {
        get => _clockFrequency;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(ClockFrequency));
            _clockFrequency = value;
        }
    }

    /// <summary>Bits per word; 8 unless set.</summary>
    public int DataBitLength
    {
        get => _dataBitLength;
        set
        {
            if (value is < 1 or > 32)
            {
                throw new ArgumentOutOfRangeException(nameof(DataBitLength), value, "SPI word length must be 1 to 32 bits.");
            }

            _dataBitLength = value;
        }
    }
}
