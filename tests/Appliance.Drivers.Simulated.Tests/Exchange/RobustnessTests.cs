using Appliance.Drivers.Simulated.Tests.Support;
using Appliance.Hal.Lines;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Drivers.Simulated.Tests.Exchange;

public sealed class RobustnessTests
{
    [Fact]
    public void A_throwing_event_handler_does_not_stop_the_exchange_or_other_handlers()
    {
        using var rig = new SimRig();
        rig.Port(1).SignalChanged += (_, _) => throw new InvalidOperationException("handler bug");
        var log = rig.Record(1);
        var call = rig.Exchange.PlaceCall(1, new SimulatedCallRequest { MaxRings = 2 });
        call.Ended += (_, _) => throw new InvalidOperationException("handler bug");

        rig.RunSeconds(10.1);

        Assert.Equal(SimulatedCallEndReason.NotAnswered, call.EndReason);
        Assert.Equal(4, log.Events.Count);
    }

    [Fact]
    public void Handlers_may_call_back_into_the_exchange()
    {
        using var rig = new SimRig();
        rig.Port(1).SignalChanged += (_, args) =>
        {
            if (args.Signal == LineSignal.RingStarted)
            {
                rig.Port(1).SetHook(LineHookState.OffHook);
                rig.Exchange.ActiveCall(1)!.SendDtmf("1");
            }
        };
        var call = rig.Exchange.PlaceCall(1, new SimulatedCallRequest());
        rig.Frames(2);

        Assert.Equal(SimulatedCallState.Connected, call.State);
        Assert.Equal(0, call.PendingSteps);
    }

    [Fact]
    public void A_handler_that_advances_the_manual_clock_does_not_disturb_the_line()
    {
        using var rig = new SimRig();
        var log = rig.Record(1);
        var advanced = false;
        rig.Port(1).SignalChanged += (_, _) =>
        {
            if (!advanced)
            {
                advanced = true;
                rig.Time.Advance(TimeSpan.FromMilliseconds(100));
            }
        };
        rig.Exchange.PlaceCall(1, new SimulatedCallRequest());
        rig.RunSeconds(2);

        Assert.Equal([LineSignal.RingStarted, LineSignal.RingStopped], log.Signals);
        Assert.Equal(TimeSpan.FromSeconds(1), log.Events[1].At - log.Events[0].At);
    }

    [Fact]
    public void A_late_timer_catches_up_so_the_line_keeps_to_the_clock()
    {
        var time = new SkewableTimeProvider();
        using var exchange = new SimulatedExchange(new SimulatedBoardOptions(), time, NullLogger<SimulatedExchange>.Instance);
        var call = exchange.PlaceCall(1, new SimulatedCallRequest());
        time.Inner.Advance(TimeSpan.FromMilliseconds(200)); // 10 frames, ringing
        Assert.True(exchange.Port(1).IsRinging);

        time.Jump(TimeSpan.FromMilliseconds(800)); // the timer thread was starved for 0.8 s
        time.Inner.Advance(TimeSpan.FromMilliseconds(20));

        // 10 + 40 + 1 = 51 frames done: the 1 s ring burst is over.
        Assert.False(exchange.Port(1).IsRinging);
        Assert.Equal(SimulatedCallState.Ringing, call.State);
        Assert.Equal(SimulatedLinePort.BufferFrames, exchange.Port(1).FramesReady);
    }

    [Fact]
    public void A_clock_jump_beyond_a_second_is_skipped_rather_than_replayed()
    {
        var time = new SkewableTimeProvider();
        using var exchange = new SimulatedExchange(new SimulatedBoardOptions(), time, NullLogger<SimulatedExchange>.Instance);
        exchange.PlaceCall(1, new SimulatedCallRequest());
        time.Inner.Advance(TimeSpan.FromMilliseconds(20));
        time.Jump(TimeSpan.FromMinutes(5));
        time.Inner.Advance(TimeSpan.FromMilliseconds(20));

        // Only one more frame ran: still inside the first ring burst.
        Assert.True(exchange.Port(1).IsRinging);
        Assert.Equal(2, exchange.Port(1).FramesReady);
    }

    [Fact]
    public void Control_calls_from_many_threads_while_the_exchange_ticks_stay_consistent()
    {
        using var rig = new SimRig(o => o.LineCount = 8);
        const int Workers = 4;
        const int Rounds = 200;
        var failures = new List<Exception>();
        using var start = new Barrier(Workers + 1);
        var threads = Enumerable.Range(0, Workers).Select(worker => new Thread(() =>
        {
            var frame = new short[LineAudio.FrameSamples];
            start.SignalAndWait();
            try
            {
                for (var round = 0; round < Rounds; round++)
                {
                    var port = 1 + ((worker * 2) + (round % 2));
                    var call = rig.Exchange.PlaceCall(port, new SimulatedCallRequest { MaxRings = 1 });
                    call.SendDtmf("12").Wait(TimeSpan.FromMilliseconds(40));
                    rig.Port(port).SetHook(round % 3 == 0 ? LineHookState.OffHook : LineHookState.OnHook);
                    rig.Port(port).WriteFrame(frame);
                    rig.Port(port).TryReadFrame(frame);
                    if (round % 5 == 0)
                    {
                        call.HangUpNow();
                    }

                    _ = rig.Exchange.CallsOnPort(port).Count + (rig.Exchange.ActiveCall(port)?.PendingSteps ?? 0);
                }
            }
            catch (Exception error)
            {
                lock (failures)
                {
                    failures.Add(error);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());

        start.SignalAndWait();
        while (threads.Any(t => t.IsAlive))
        {
            rig.Time.Advance(SimRig.Frame);
        }

        threads.ForEach(t => t.Join());
        Assert.Empty(failures);

        // Let everything settle: every call either ended or is on a port that is now off hook and connected.
        foreach (var port in rig.Exchange.Ports)
        {
            port.SetHook(LineHookState.OnHook);
        }

        rig.RunSeconds(6);
        var all = Enumerable.Range(1, 8).SelectMany(rig.Exchange.CallsOnPort).ToList();
        Assert.Equal(Workers * Rounds, all.Count);
        Assert.All(all, call => Assert.Equal(SimulatedCallState.Ended, call.State));
        Assert.All(all, call => Assert.NotNull(call.EndedAt));
    }
}
