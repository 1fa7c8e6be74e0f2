using Appliance.Drivers.Simulated.Signals;
using Appliance.Drivers.Simulated.Tests.Support;
using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Tests.Exchange;

public sealed class CallerIdTests
{
    private static readonly CallerIdInfo Caller = new("13800138000", "ZHANG SAN");

    [Theory]
    [InlineData(FskStandard.Bell202, 1200.0, 2200.0)]
    [InlineData(FskStandard.V23, 1300.0, 2100.0)]
    public void Caller_id_is_sent_half_a_second_after_the_first_ring_and_decodes(FskStandard standard, double markHz, double spaceHz)
    {
        using var rig = new SimRig(o => o.CallerIdStandard = standard);
        var (silence, _) = ListenBetweenFirstRings(rig, new SimulatedCallRequest { CallerId = Caller });

        var start = AudioAnalysis.FirstAbove(silence, 100);
        Assert.InRange(start, 500 * 8 - 160, 500 * 8 + 160);
        var burst = silence.AsSpan(start);

        // FSK has a constant envelope at the configured level; the mark run after the seizure is pure mark.
        Assert.InRange(AudioAnalysis.LevelDbm0(burst[..(250 * 8000 / 1200)]), -13.5, -12.5);
        var marks = burst.Slice(310 * 8000 / 1200, 160 * 8000 / 1200);
        Assert.InRange(AudioAnalysis.ToneDbm0(marks, markHz), -14, -12);
        Assert.True(AudioAnalysis.ToneDbm0(marks, spaceHz) < -40);

        var decoded = TestFsk.Decode(burst, markHz, spaceHz);
        Assert.NotNull(decoded);
        Assert.Equal(0x80, decoded.MessageType);
        Assert.Equal(Caller.Number, decoded.Number);
        Assert.Equal(Caller.Name, decoded.Name);
        Assert.Equal("01050900", decoded.DateTime);
        Assert.True(decoded.ChecksumValid);
    }

    [Fact]
    public void The_burst_delivered_is_exactly_what_the_modulator_makes()
    {
        using var rig = new SimRig();
        var placedAt = rig.Time.GetUtcNow();
        var (silence, _) = ListenBetweenFirstRings(rig, new SimulatedCallRequest { CallerId = Caller });

        var expected = CallerIdFsk.Modulate(Caller, placedAt, FskStandard.Bell202, -13);
        var start = silence.AsSpan().IndexOf(expected.AsSpan(0, 64));
        Assert.True(start > 0);
        Assert.True(silence.AsSpan(start, expected.Length).SequenceEqual(expected));
        Assert.True(AudioAnalysis.LevelDbm0(silence.AsSpan(start + expected.Length)) < -80, "nothing may follow the burst");
    }

    [Fact]
    public void No_caller_id_means_silence_between_the_rings()
    {
        using var rig = new SimRig();
        var (silence, _) = ListenBetweenFirstRings(rig, new SimulatedCallRequest { CallerId = null });

        Assert.Equal(4 * LineAudio.SampleRate, silence.Length);
        Assert.Equal(-1, AudioAnalysis.FirstAbove(silence, 0));
    }

    [Fact]
    public void A_corrupted_checksum_is_sent_when_asked()
    {
        using var rig = new SimRig();
        var (silence, _) = ListenBetweenFirstRings(rig, new SimulatedCallRequest { CallerId = Caller, CorruptCallerIdChecksum = true });

        var decoded = TestFsk.Decode(silence.AsSpan(AudioAnalysis.FirstAbove(silence, 100)), 1200, 2200);
        Assert.NotNull(decoded);
        Assert.Equal(Caller.Number, decoded.Number);
        Assert.False(decoded.ChecksumValid);
    }

    [Fact]
    public void A_private_caller_is_sent_as_absent_with_its_reason()
    {
        using var rig = new SimRig();
        var (silence, _) = ListenBetweenFirstRings(rig, new SimulatedCallRequest { CallerId = new CallerIdInfo(null, null, 'P') });

        var decoded = TestFsk.Decode(silence.AsSpan(AudioAnalysis.FirstAbove(silence, 100)), 1200, 2200);
        Assert.NotNull(decoded);
        Assert.Null(decoded.Number);
        Assert.Equal('P', decoded.NumberAbsence);
    }

    [Fact]
    public void Caller_id_is_sent_only_once_per_call()
    {
        using var rig = new SimRig();
        var log = rig.Record(1);
        var heard = rig.Listen(1);
        rig.Exchange.PlaceCall(1, new SimulatedCallRequest { CallerId = Caller, MaxRings = 3 });
        rig.RunSeconds(15.1);

        var secondRingStart = (int)((log.TimesOf(LineSignal.RingStarted)[1] - log.Events[0].At).TotalSeconds * LineAudio.SampleRate);
        Assert.Equal(-1, AudioAnalysis.FirstAbove(heard.ToArray().AsSpan(secondRingStart), 0));
    }

    [Fact]
    public void Caller_id_that_cannot_be_sent_is_refused_when_the_call_is_placed()
    {
        using var rig = new SimRig();
        var tooLong = new CallerIdInfo(new string('1', 40), null);

        Assert.ThrowsAny<ArgumentException>(() => rig.Exchange.PlaceCall(1, new SimulatedCallRequest { CallerId = tooLong }));

        rig.RunSeconds(1);
        Assert.Empty(rig.Exchange.CallsOnPort(1));
        Assert.False(rig.Port(1).IsRinging);
    }

    [Fact]
    public void Answering_during_the_burst_stops_it()
    {
        using var rig = new SimRig();
        var heard = rig.Listen(1);
        var call = rig.Exchange.PlaceCall(1, new SimulatedCallRequest { CallerId = Caller });
        rig.RunUntil(() => AudioAnalysis.FirstAbove(heard.ToArray(), 100) >= 0, TimeSpan.FromSeconds(3), "the caller-ID burst");

        rig.Port(1).SetHook(LineHookState.OffHook);
        rig.Frames(1);
        heard.Clear();
        rig.RunSeconds(1);

        Assert.Equal(SimulatedCallState.Connected, call.State);
        Assert.True(AudioAnalysis.ToneDbm0(heard.ToArray(), 1200) < -50, "FSK continued after answer");
    }

    /// <summary>Places a call and returns what the box heard from the first RingStopped to the second RingStarted.</summary>
    private static (short[] Silence, SignalLog Log) ListenBetweenFirstRings(SimRig rig, SimulatedCallRequest request)
    {
        var log = rig.Record(1);
        var heard = rig.Listen(1);
        rig.Exchange.PlaceCall(1, request);
        rig.RunUntil(() => log.Count(LineSignal.RingStarted) == 2, TimeSpan.FromSeconds(10), "the second ring");

        var first = log.Events[0].At;
        var from = (int)((log.TimesOf(LineSignal.RingStopped)[0] - first).TotalSeconds * LineAudio.SampleRate);
        var to = (int)((log.TimesOf(LineSignal.RingStarted)[1] - first).TotalSeconds * LineAudio.SampleRate);
        return (heard.ToArray()[from..to], log);
    }
}
