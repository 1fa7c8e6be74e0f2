using Appliance.Hal.Boards;

namespace Appliance.Drivers.Simulated.Tests.Hal;

public sealed class BoardDescriptionTests
{
    private static readonly LinePortDescription[] TwoPorts = [new(1, "LINE 1"), new(2, "LINE 2")];

    [Fact]
    public void A_valid_description_keeps_its_values_and_counts_ports()
    {
        var description = new BoardDescription("FXO-4", "B", "SN1", TwoPorts, ["power", "line1"], hasWatchdog: true);

        Assert.Equal(2, description.LinePortCount);
        Assert.Equal(TwoPorts, description.LinePorts);
        Assert.Equal(["power", "line1"], description.Leds);
        Assert.True(description.HasWatchdog);
    }

    [Theory]
    [InlineData(0, "start at 1")]
    [InlineData(-3, "start at 1")]
    [InlineData(1, "more than once")]
    public void Bad_port_numbers_are_refused_with_the_number(int secondNumber, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new BoardDescription("FXO-4", "B", "SN1", [new(1, "LINE 1"), new(secondNumber, "LINE X")], [], hasWatchdog: false));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(secondNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_texts_and_repeated_leds_are_refused()
    {
        Assert.Contains("model", Assert.Throws<ArgumentException>(() => new BoardDescription(" ", "B", "SN", TwoPorts, [], false)).Message, StringComparison.Ordinal);
        Assert.Contains("serialNumber", Assert.Throws<ArgumentException>(() => new BoardDescription("M", "B", "", TwoPorts, [], false)).Message, StringComparison.Ordinal);
        Assert.Contains("blank label", Assert.Throws<ArgumentException>(() => new BoardDescription("M", "B", "S", [new(1, "")], [], false)).Message, StringComparison.Ordinal);
        Assert.Contains("'Power'", Assert.Throws<ArgumentException>(() => new BoardDescription("M", "B", "S", TwoPorts, ["power", "Power"], false)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_description_does_not_change_when_the_callers_lists_do()
    {
        var ports = new List<LinePortDescription>(TwoPorts);
        var description = new BoardDescription("M", "B", "S", ports, [], false);
        ports.Add(new LinePortDescription(1, "dup"));
        Assert.Equal(2, description.LinePortCount);
    }
}
