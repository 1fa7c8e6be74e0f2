using Appliance.Drivers.Simulated.Tests.Support;
using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Tests.Exchange;

public sealed class CallLifecycleTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(SimulatedCallRequest.DefaultMaxRings)]
    public void An_unanswered_call_ends_as_not_answered_after_its_rings(int maxRings)
    {
        using var rig = new SimRig();
        var log = rig.Record(1);
        var request = maxRings == SimulatedCallRequest.DefaultMaxRings ? new SimulatedCallRequest() : new SimulatedCallRequest { MaxRings = maxRings };
        var call = rig.Exchange.PlaceCall(1, request);
        var endedEvents = new List<SimulatedCallEndedEventArgs>();
        call.Ended += (_, args) => endedEvents.Add(args);

        rig.RunSeconds((5 * maxRings) - 0.1);
        Assert.Equal(SimulatedCallState.Ringing, call.State);
        rig.RunSeconds(0.2);

        Assert.Equal(SimulatedCallEndReason.NotAnswered, Assert.Single(endedEvents).Reason);
        Assert.Equal(SimulatedCallState.Ended, call.State);
        Assert.Equal(maxRings, call.RingCount);
        Assert.Equal(maxRings, log.Count(LineSignal.RingStarted));
        Assert.Null(call.AnsweredAt);
        Assert.Null(rig.Exchange.ActiveCall(1));

        rig.RunSeconds(10);
        Assert.Equal(maxRings, log.Count(LineSignal.RingStarted));
    }

    [Fact]
    public void Answering_raises_answered_with_the_time_and_audio_flows()
    {
        using var rig = new SimRig();
        var call = rig.Exchange.PlaceCall(1, new SimulatedCallRequest());
        var answered = 0;
        call.Answered += (_, _) => answered++;
        rig.RunSeconds(2);
        var offHookAt = rig.Time.GetUtcNow();
        rig.Port(1).SetHook(LineHookState.OffHook);
        rig.Frames(1);

        Assert.Equal(1, answered);
        Assert.Equal(offHookAt + SimRig.Frame, call.AnsweredAt);
        Assert.Equal(SimulatedCallState.Connected, call.State);
        Assert.Same(call, rig.Exchange.ActiveCall(1));
    }

    [Fact]
    public void The_box_hanging_up_ends_the_call()
    {
        using var rig = new SimRig();
        var call = rig.Answered();
        rig.Port(1).SetHook(LineHookState.OnHook);
        rig.Frames(1);

        Assert.Equal(SimulatedCallEndReason.BoxHungUp, call.EndReason);
        Assert.Null(rig.Exchange.ActiveCall(1));
    }

    [Fact]
    public void The_box_hanging_up_on_a_dead_line_ends_the_call_as_line_dead()
    {
        using var rig = new SimRig();
        var call = rig.Answered();
        rig.Exchange.KillLine(1);
        rig.Frames(1);
        Assert.Equal(SimulatedCallState.Connected, call.State);

        rig.Port(1).SetHook(LineHookState.OnHook);
        rig.Frames(1);
        Assert.Equal(SimulatedCallEndReason.LineDead, call.EndReason);
    }

    [Fact]
    public void Killing_a_ringing_line_stops_the_ring_and_ends_the_call()
    {
        using var rig = new SimRig();
        var log = rig.Record(1);
        var call = rig.Exchange.PlaceCall(1, new SimulatedCallRequest());
        rig.Frames(5);
        rig.Exchange.KillLine(1);
        rig.Frames(1);

        Assert.Equal(SimulatedCallEndReason.LineDead, call.EndReason);
        Assert.False(rig.Port(1).IsRinging);
        Assert.Equal([LineSignal.RingStarted, LineSignal.RingStopped, LineSignal.LineVoltageLost], log.Signals);
    }

    [Fact]
    public void A_call_to_a_dead_line_ends_at_once()
    {
        using var rig = new SimRig();
        rig.Exchange.KillLine(2);
        rig.Frames(1);
        var call = rig.Exchange.PlaceCall(2, new SimulatedCallRequest());
        rig.Frames(1);

        Assert.Equal(SimulatedCallEndReason.LineDead, call.EndReason);
        Assert.False(rig.Port(2).IsRinging);
    }

    [Fact]
    public void A_call_to_a_busy_port_ends_as_busy_and_leaves_the_first_call_alone()
    {
        using var rig = new SimRig();
        var first = rig.Exchange.PlaceCall(1, new SimulatedCallRequest());
        var second = rig.Exchange.PlaceCall(1, new SimulatedCallRequest());
        var ended = new List<SimulatedCallEndReason>();
        second.Ended += (_, args) => ended.Add(args.Reason);
        rig.Frames(1);

        Assert.Equal([SimulatedCallEndReason.LineBusy], ended);
        Assert.Equal(SimulatedCallState.Ringing, first.State);
        Assert.True(rig.Port(1).IsRinging);
        Assert.Same(first, rig.Exchange.ActiveCall(1));
    }

    [Fact]
    public void A_call_to_a_port_that_is_off_hook_ends_as_busy()
    {
        using var rig = new SimRig();
        rig.Port(3).SetHook(LineHookState.OffHook);
        rig.Frames(1);
        var call = rig.Exchange.PlaceCall(3, new SimulatedCallRequest());
        rig.Frames(1);

        Assert.Equal(SimulatedCallEndReason.LineBusy, call.EndReason);
    }

    [Fact]
    public void The_caller_giving_up_while_ringing_just_stops_the_ringing()
    {
        using var rig = new SimRig();
        var log = rig.Record(1);
        var call = rig.Exchange.PlaceCall(1, new SimulatedCallRequest());
        rig.Frames(10);
        call.HangUpNow();
        rig.Frames(1);

        Assert.Equal(SimulatedCallEndReason.FarEndHungUp, call.EndReason);
        Assert.Equal([LineSignal.RingStarted, LineSignal.RingStopped], log.Signals);
        rig.RunSeconds(6);
        Assert.Equal(1, log.Count(LineSignal.RingStarted));
    }

    [Fact]
    public void A_call_hung_up_before_the_first_tick_never_rings()
    {
        using var rig = new SimRig();
        var log = rig.Record(1);
        var call = rig.Exchange.PlaceCall(1, new SimulatedCallRequest());
        call.HangUpNow();
        rig.RunSeconds(1);

        Assert.Equal(SimulatedCallEndReason.FarEndHungUp, call.EndReason);
        Assert.Empty(log.Events);
    }

    [Theory]
    [InlineData("CN", 450.0, 0.0)]
    [InlineData("US", 350.0, 440.0)]
    [InlineData("GB", 350.0, 450.0)]
    [InlineData("EU", 425.0, 0.0)]
    public void Going_off_hook_on_an_idle_line_gives_continuous_dial_tone(string country, double f1, double f2)
    {
        using var rig = new SimRig(o => o.Country = country);
        var log = rig.Record(1);
        var heard = rig.Listen(1);
        rig.Port(1).SetHook(LineHookState.OffHook);
        rig.RunSeconds(2);

        var audio = heard.ToArray();
        Assert.Equal(2 * LineAudio.SampleRate, audio.Length);
        Assert.All(AudioAnalysis.Cadence(audio), run => Assert.True(run.On, "dial tone paused"));
        Assert.True(AudioAnalysis.ToneDbm0(audio, f1) > -16);
        if (f2 > 0)
        {
            Assert.True(AudioAnalysis.ToneDbm0(audio, f2) > -16);
        }

        Assert.Empty(log.Events);
        Assert.Null(rig.Exchange.ActiveCall(1));
    }

    [Fact]
    public void An_idle_line_on_hook_delivers_no_audio()
    {
        using var rig = new SimRig();
        rig.RunSeconds(1);
        Assert.Equal(0, rig.Port(1).FramesReady);
    }

    [Fact]
    public void Bad_requests_are_refused_and_change_nothing()
    {
        using var rig = new SimRig();
        Assert.Contains("ports 1 to 4", Assert.Throws<ArgumentOutOfRangeException>(() => rig.Exchange.PlaceCall(5, new SimulatedCallRequest())).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => rig.Exchange.PlaceCall(0, new SimulatedCallRequest()));
        Assert.Contains("MaxRings", Assert.Throws<ArgumentOutOfRangeException>(() => rig.Exchange.PlaceCall(1, new SimulatedCallRequest { MaxRings = 0 })).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => rig.Exchange.PlaceCall(1, new SimulatedCallRequest { MaxRings = 1001 }));
        Assert.Throws<ArgumentNullException>(() => rig.Exchange.PlaceCall(1, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => rig.Exchange.KillLine(9));
        Assert.Throws<ArgumentOutOfRangeException>(() => rig.Exchange.CallsOnPort(-1));

        rig.RunSeconds(1);
        Assert.All(Enumerable.Range(1, 4), n => Assert.Empty(rig.Exchange.CallsOnPort(n)));
        Assert.All(rig.Exchange.Ports, p => Assert.False(p.IsRinging));
    }

    [Fact]
    public void Steps_added_after_the_call_ended_are_ignored()
    {
        using var rig = new SimRig();
        var call = rig.Answered();
        call.HangUpNow();
        rig.Frames(1);

        call.PlayTone(440, 0, TimeSpan.FromSeconds(1));
        Assert.Equal(0, call.PendingSteps);
    }

    [Fact]
    public void Call_history_keeps_the_most_recent_calls_per_port()
    {
        using var rig = new SimRig();
        var calls = Enumerable.Range(0, SimulatedExchange.CallHistoryPerPort + 5)
            .Select(_ => rig.Exchange.PlaceCall(2, new SimulatedCallRequest()))
            .ToList();
        rig.Frames(1);

        var history = rig.Exchange.CallsOnPort(2);
        Assert.Equal(SimulatedExchange.CallHistoryPerPort, history.Count);
        Assert.Equal(calls[5..], history);
        Assert.Equal(calls.Count, calls.Select(c => c.Id).Distinct().Count());
        Assert.Equal(SimulatedCallState.Ringing, calls[0].State);
        Assert.All(calls.Skip(1), c => Assert.Equal(SimulatedCallEndReason.LineBusy, c.EndReason));
    }

    [Fact]
    public void Disposing_the_exchange_stops_its_tick_and_refuses_new_calls()
    {
        var rig = new SimRig();
        var call = rig.Exchange.PlaceCall(1, new SimulatedCallRequest());
        rig.Dispose();

        Assert.Equal(0, rig.Time.ActiveTimerCount);
        rig.RunSeconds(1);
        Assert.False(rig.Port(1).IsRinging);
        Assert.Equal(SimulatedCallState.Ringing, call.State);
        Assert.Throws<ObjectDisposedException>(() => rig.Exchange.PlaceCall(1, new SimulatedCallRequest()));
    }
}
