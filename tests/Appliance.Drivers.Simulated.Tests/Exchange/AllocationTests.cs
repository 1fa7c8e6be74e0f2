using Appliance.Drivers.Simulated.Signals;
using Appliance.Drivers.Simulated.Tests.Support;
using Appliance.Hal.Lines;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Drivers.Simulated.Tests.Exchange;

public sealed class AllocationTests
{
    [Fact]
    public void Steady_state_ticks_do_not_allocate_per_frame()
    {
        var time = new SteppedTimeProvider();
        using var exchange = new SimulatedExchange(new SimulatedBoardOptions { LineCount = 4, ReceivedAudioLimitSeconds = 1 }, time, NullLogger<SimulatedExchange>.Instance);
        var frame = new short[LineAudio.FrameSamples];

        // Port 1 connected (line noise and the box's audio both ways), port 2 off hook idle (dial tone),
        // port 3 after a far-end hangup (busy tone), port 4 ringing with caller ID.
        exchange.PlaceCall(1, new SimulatedCallRequest());
        exchange.PlaceCall(3, new SimulatedCallRequest());
        time.Tick();
        exchange.Port(1).SetHook(LineHookState.OffHook);
        exchange.Port(2).SetHook(LineHookState.OffHook);
        exchange.Port(3).SetHook(LineHookState.OffHook);
        time.Tick();
        exchange.ActiveCall(3)!.HangUpNow();
        exchange.PlaceCall(4, new SimulatedCallRequest { CallerId = new CallerIdInfo("5551234", "TEST") });
        for (var i = 0; i < 100; i++)
        {
            TickWithBox(time, exchange, frame);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        const int Ticks = 500;
        for (var i = 0; i < Ticks; i++)
        {
            TickWithBox(time, exchange, frame);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // 10 s of four lines (the kept audio is already at its 1 s cap): only the few ring events may
        // allocate. One frame-sized buffer per tick would be 170 kB.
        Assert.True(allocated < 4_000, $"{allocated} bytes allocated over {Ticks} ticks");
        Assert.Equal(SimulatedCallState.Connected, exchange.ActiveCall(1)!.State);
        Assert.True(exchange.ActiveCall(1)!.ReceivedAudio.Truncated);
        Assert.Equal(SimulatedCallState.Ringing, exchange.ActiveCall(4)!.State);
    }

    private static void TickWithBox(SteppedTimeProvider time, SimulatedExchange exchange, short[] frame)
    {
        time.Tick();
        for (var i = 0; i < exchange.Ports.Count; i++)
        {
            var port = exchange.Ports[i]; // indexed: enumerating the interface would allocate here, in the test
            while (port.TryReadFrame(frame))
            {
            }

            port.WriteFrame(frame);
        }
    }
}
