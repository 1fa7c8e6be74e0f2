using Appliance.Drivers.Simulated.Tests.Support;
using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Tests.Exchange;

public sealed class RingCadenceTests
{
    public static TheoryData<string, int[]> Cadences => new()
    {
        // Milliseconds between successive ring events, starting with the first RingStarted: on, off, on, off...
        { "CN", [1000, 4000, 1000, 4000] },
        { "US", [2000, 4000, 2000, 4000] },
        { "CA", [2000, 4000, 2000, 4000] },
        { "GB", [400, 200, 400, 2000, 400, 200, 400, 2000] },
        { "EU", [1000, 4000, 1000, 4000] },
    };

    [Theory]
    [MemberData(nameof(Cadences))]
    public void Rings_follow_the_country_cadence(string country, int[] expectedGapsMs)
    {
        using var rig = new SimRig(o => o.Country = country);
        var log = rig.Record(1);
        rig.Exchange.PlaceCall(1, new SimulatedCallRequest());

        rig.Run(TimeSpan.FromMilliseconds(expectedGapsMs.Sum() + 100));

        var events = log.Events;
        Assert.True(events.Count > expectedGapsMs.Length, $"only {events.Count} ring events");
        for (var i = 0; i < expectedGapsMs.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? LineSignal.RingStarted : LineSignal.RingStopped, events[i].Signal);
            Assert.Equal(expectedGapsMs[i], (events[i + 1].At - events[i].At).TotalMilliseconds);
        }
    }

    [Fact]
    public void The_first_ring_starts_on_the_first_tick_after_the_call_is_placed()
    {
        using var rig = new SimRig();
        var log = rig.Record(1);
        var placedAt = rig.Time.GetUtcNow();
        var call = rig.Exchange.PlaceCall(1, new SimulatedCallRequest());
        Assert.Equal(SimulatedCallState.Ringing, call.State);
        Assert.False(rig.Port(1).IsRinging);

        rig.Frames(1);

        Assert.True(rig.Port(1).IsRinging);
        Assert.Equal(placedAt + SimRig.Frame, Assert.Single(log.Events).At);
        Assert.Equal(1, call.RingCount);
    }

    [Fact]
    public void Ringing_one_port_leaves_the_others_idle()
    {
        using var rig = new SimRig();
        var others = Enumerable.Range(2, 3).Select(rig.Record).ToList();
        rig.Exchange.PlaceCall(1, new SimulatedCallRequest());

        rig.RunSeconds(6);

        Assert.All(others, log => Assert.Empty(log.Events));
        Assert.All(Enumerable.Range(2, 3), n => Assert.False(rig.Port(n).IsRinging));
    }

    [Fact]
    public void Country_tables_match_the_specified_cadences()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), RingCadence.China.CycleLength);
        Assert.Equal(TimeSpan.FromSeconds(6), RingCadence.NorthAmerica.CycleLength);
        Assert.Equal(TimeSpan.FromSeconds(3), RingCadence.UnitedKingdom.CycleLength);
        Assert.Equal(TimeSpan.FromMilliseconds(1000), RingCadence.UnitedKingdom.LastBurstEnd);
        Assert.True(RingCadence.UnitedKingdom.IsRingingAt(TimeSpan.FromMilliseconds(650)));
        Assert.False(RingCadence.UnitedKingdom.IsRingingAt(TimeSpan.FromMilliseconds(500)));
        Assert.False(RingCadence.UnitedKingdom.IsRingingAt(TimeSpan.FromMilliseconds(2900)));
        Assert.True(RingCadence.UnitedKingdom.IsRingingAt(TimeSpan.FromMilliseconds(3100)));
    }

    [Fact]
    public void A_cadence_off_the_20_ms_grid_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new RingCadence([new RingBurst(TimeSpan.FromMilliseconds(1010), TimeSpan.FromSeconds(4))]));
        Assert.Contains("multiple of 20 ms", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new RingCadence([]));
    }
}
