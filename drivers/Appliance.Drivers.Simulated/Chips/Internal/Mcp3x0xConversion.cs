namespace Appliance.Drivers.Simulated.Chips.Internal;

/// <summary>
/// One chip-select period of an MCP3004/3008/3204/3208, clock by clock (datasheets DS21295 and DS21298, "Serial
/// communication"): with CS low, the first clock with DIN high is the start bit; then SGL/DIFF and D2, D1, D0; one more
/// clock ends the sample; on the next the chip drives a null bit (0), then the result MSB first; if clocks go on, it
/// sends the result again LSB first (B1 upwards, B0 is not repeated), then zeros. Before the null bit DOUT is high
/// impedance, which the simulated board's pull-up reads as 1.
/// </summary>
internal sealed class Mcp3x0xConversion(int resolutionBits, Func<bool, int, int> sample)
{
    private const int ConfigBits = 4;
    private int _clocksSinceStart = -1;
    private int _config;
    private int _result;

    /// <summary>Whether this period got as far as taking a sample.</summary>
    public bool Sampled { get; private set; }

    /// <summary>One clock: <paramref name="din"/> goes in, the return value is what the controller reads on DOUT.</summary>
    public bool Clock(bool din)
    {
        if (_clocksSinceStart < 0)
        {
            if (din)
            {
                _clocksSinceStart = 0;
            }

            return true; // high impedance
        }

        _clocksSinceStart++;
        var clock = _clocksSinceStart;
        if (clock <= ConfigBits)
        {
            _config = (_config << 1) | (din ? 1 : 0);
            return true;
        }

        if (clock == ConfigBits + 1)
        {
            // The sample ends on this clock: SGL/DIFF is the first config bit, D2..D0 the channel selection.
            _result = sample((_config & 0b1000) != 0, _config & 0b0111);
            Sampled = true;
            return true;
        }

        if (clock == ConfigBits + 2)
        {
            return false; // the null bit
        }

        var afterNull = clock - (ConfigBits + 3);
        if (afterNull < resolutionBits)
        {
            return (_result >> (resolutionBits - 1 - afterNull) & 1) == 1; // MSB first
        }

        var lsbFirst = afterNull - resolutionBits + 1;
        return lsbFirst < resolutionBits && (_result >> lsbFirst & 1) == 1; // then LSB first from B1, then zeros
    }
}
