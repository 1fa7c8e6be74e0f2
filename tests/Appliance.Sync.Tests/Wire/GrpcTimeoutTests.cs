using Appliance.Sync.Grpc.Internal;

namespace Appliance.Sync.Tests.Wire;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 3600_000_000_000)]
    [InlineData("2M", 120_000_000_000)]
    [InlineData("30S", 30_000_000_000)]
    [InlineData("250m", 250_000_000)]
    [InlineData("1500u", 1_500_000)]
    [InlineData("99999999n", 99_999_900)]
    public void Parses_every_unit(string text, long nanoseconds)
    {
        Assert.True(GrpcTimeout.TryParse(text, out var timeout));
        Assert.Equal(nanoseconds / 100, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10s")]
    [InlineData("10 S")]
    [InlineData("-1S")]
    [InlineData("123456789S")]
    [InlineData("1.5S")]
    public void Refuses_what_the_grammar_does_not_allow(string text)
    {
        Assert.False(GrpcTimeout.TryParse(text, out _));
    }

    [Theory]
    [InlineData(1, "100n")]
    [InlineData(10_000, "1000000n")]
    [InlineData(50_000_000, "5000000u")]
    [InlineData(36_000_000_000_000, "3600000S")]
    public void Formats_in_the_finest_unit_that_fits(long ticks, string expected)
    {
        Assert.Equal(expected, GrpcTimeout.Format(TimeSpan.FromTicks(ticks)));
    }

    [Fact]
    public void Format_rounds_up_and_round_trips_to_no_less_than_the_original()
    {
        foreach (var ticks in new[] { 7L, 1_234_567L, 98_765_432_109L, TimeSpan.FromDays(400).Ticks })
        {
            Assert.True(GrpcTimeout.TryParse(GrpcTimeout.Format(TimeSpan.FromTicks(ticks)), out var parsed));
            Assert.True(parsed.Ticks >= ticks);
        }

        Assert.Equal("1n", GrpcTimeout.Format(TimeSpan.FromSeconds(-3)));
    }
}
