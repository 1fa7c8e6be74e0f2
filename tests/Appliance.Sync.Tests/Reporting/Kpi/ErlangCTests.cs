using Appliance.Sync.Reporting.Kpi;

namespace Appliance.Sync.Tests.Reporting.Kpi;

/// <summary>Erlang C against values computed from the closed formula with factorials (an independent implementation).</summary>
public sealed class ErlangCTests
{
    [Theory]
    [InlineData(2, 1.0, 1.0 / 3)]               // worked by hand: B(2,1) = 0.2, C = 2·0.2 / (2 - 0.8)
    [InlineData(11, 10.0, 0.6821182046893324)]
    [InlineData(10, 10.0, 1.0)]                 // no more agents than load: everybody waits
    public void Probability_of_waiting(int agents, double erlangs, double expected) =>
        Assert.Equal(expected, ErlangC.ProbabilityOfWaiting(agents, erlangs), 9);

    [Fact]
    public void Hundred_calls_per_half_hour_of_three_minutes_need_fourteen_agents_for_80_in_20()
    {
        Assert.Equal(0.7955947884177831, ErlangC.ServiceLevel(13, 10, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(20)), 9);
        Assert.Equal(0.6401580403740066, ErlangC.ServiceLevel(12, 10, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(20)), 9);

        var agents = ErlangC.AgentsNeeded(100, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(30), 0.8, TimeSpan.FromSeconds(20));

        Assert.Equal(14, agents);
    }

    [Fact]
    public void No_calls_or_no_handling_time_need_no_agents() =>
        Assert.Equal((0, 0), (ErlangC.AgentsNeeded(0, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(15), 0.8, TimeSpan.FromSeconds(20)),
            ErlangC.AgentsNeeded(5, TimeSpan.Zero, TimeSpan.FromMinutes(15), 0.8, TimeSpan.FromSeconds(20))));
}
