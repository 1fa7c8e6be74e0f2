using Appliance.Drivers.Simulated.Signals;

namespace Appliance.Telephony.Tests.Media.Signals;

public class DtmfFrequenciesTests
{
    [Theory]
    [InlineData('1', 697, 1209)]
    [InlineData('2', 697, 1336)]
    [InlineData('3', 697, 1477)]
    [InlineData('A', 697, 1633)]
    [InlineData('4', 770, 1209)]
    [InlineData('5', 770, 1336)]
    [InlineData('6', 770, 1477)]
    [InlineData('B', 770, 1633)]
    [InlineData('7', 852, 1209)]
    [InlineData('8', 852, 1336)]
    [InlineData('9', 852, 1477)]
    [InlineData('C', 852, 1633)]
    [InlineData('*', 941, 1209)]
    [InlineData('0', 941, 1336)]
    [InlineData('#', 941, 1477)]
    [InlineData('D', 941, 1633)]
    [InlineData('d', 941, 1633)]
    public void Keys_map_to_the_Q23_frequency_pairs(char digit, double low, double high)
    {
        Assert.Equal((low, high), DtmfFrequencies.For(digit));
    }

    [Theory]
    [InlineData('E')]
    [InlineData(' ')]
    [InlineData('\0')]
    [InlineData('+')]
    public void Other_characters_are_refused_with_an_argument_exception(char digit)
    {
        var error = Assert.Throws<ArgumentException>(() => DtmfFrequencies.For(digit));
        Assert.Contains("not a DTMF key", error.Message, StringComparison.Ordinal);
    }
}
