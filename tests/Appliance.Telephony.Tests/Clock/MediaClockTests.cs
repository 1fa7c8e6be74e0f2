using Appliance.Telephony.Clock;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Telephony.Tests.Clock;

public sealed class MediaClockTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void Every_tick_runs_all_receive_phases_before_any_transmit_phase()
    {
        using var clock = new MediaClock(_time, NullLogger<MediaClock>.Instance);
        var order = new List<string>();
        clock.Register(new Recorder("a", order));
        clock.Register(new Recorder("b", order));
        clock.Start();

        _time.Advance(TimeSpan.FromMilliseconds(40));

        Assert.Equal(["a rx 1", "b rx 1", "a tx 1", "b tx 1", "a rx 2", "b rx 2", "a tx 2", "b tx 2"], order);
    }

    [Fact]
    public void A_failing_handler_is_logged_and_does_not_stop_the_others()
    {
        using var clock = new MediaClock(_time, NullLogger<MediaClock>.Instance);
        var order = new List<string>();
        clock.Register(new Throwing());
        clock.Register(new Recorder("ok", order));
        clock.Start();

        _time.Advance(TimeSpan.FromMilliseconds(20));

        Assert.Equal(["ok rx 1", "ok tx 1"], order);
    }

    [Fact]
    public void Async_flows_resume_on_the_loop_and_delays_count_ticks()
    {
        using var clock = new MediaClock(_time, NullLogger<MediaClock>.Instance);
        clock.Start();
        var resumedOnLoop = false;
        long resumedAtTick = 0;
        clock.Run(async () =>
        {
            await clock.DelayAsync(TimeSpan.FromMilliseconds(100));
            resumedOnLoop = clock.IsOnLoop;
            resumedAtTick = clock.Tick;
        });

        _time.Advance(TimeSpan.FromMilliseconds(80));
        Assert.Equal(0, resumedAtTick);
        _time.Advance(TimeSpan.FromMilliseconds(40));

        Assert.True(resumedOnLoop);
        Assert.Equal(6, resumedAtTick);
    }

    [Fact]
    public async Task Work_from_other_threads_runs_on_the_loop_and_returns_its_result()
    {
        using var clock = new MediaClock(_time, NullLogger<MediaClock>.Instance);
        clock.Start();
        var result = clock.InvokeAsync(() => clock.IsOnLoop);

        _time.Advance(TimeSpan.FromMilliseconds(20));

        Assert.True(await result);
    }

    [Fact]
    public void Delay_is_refused_off_the_loop()
    {
        using var clock = new MediaClock(_time, NullLogger<MediaClock>.Instance);
        Assert.Throws<InvalidOperationException>(() => { _ = clock.DelayAsync(TimeSpan.FromSeconds(1)); });
    }

    [Fact]
    public void A_timer_that_fires_late_yields_every_missed_tick_but_a_long_stall_is_skipped()
    {
        var stalling = new StallingTimeProvider();
        using var clock = new MediaClock(stalling, NullLogger<MediaClock>.Instance);
        var order = new List<string>();
        clock.Register(new Recorder("h", order));
        clock.Start();

        stalling.Elapse(TimeSpan.FromMilliseconds(60));
        Assert.Equal(3, clock.Tick);

        // Seconds behind: catching up would only play stale audio late, so the clock jumps ahead and runs one tick.
        stalling.Elapse(TimeSpan.FromSeconds(5));
        Assert.Equal(stalling.Elapsed / MediaClock.TickInterval, clock.Tick);
        Assert.Equal(4, order.Count(o => o.Contains("rx", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_tick_stuck_in_a_handler_stops_the_completed_count_and_the_timer_skips_rather_than_piles_up()
    {
        using var clock = new MediaClock(_time, NullLogger<MediaClock>.Instance);
        var stuck = new Stuck();
        clock.Register(stuck);
        clock.Start();
        _time.Advance(TimeSpan.FromMilliseconds(60));
        Assert.Equal(3, clock.CompletedTicks);

        stuck.Armed = true;
        var stalledTick = Task.Run(clock.RunTick);
        await stuck.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromMilliseconds(200)); // the timer finds the tick still running and returns

        Assert.Equal(4, clock.Tick); // the stuck tick has begun ...
        Assert.Equal(3, clock.CompletedTicks); // ... but never finished

        stuck.Release.SetResult();
        await stalledTick.WaitAsync(TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromMilliseconds(20));
        Assert.True(clock.CompletedTicks > 4, $"completed {clock.CompletedTicks}");
        Assert.Equal(clock.Tick, clock.CompletedTicks);
    }

    private sealed class Recorder(string name, List<string> order) : IMediaTickHandler
    {
        public void OnReceive(long tick) => order.Add($"{name} rx {tick}");

        public void OnTransmit(long tick) => order.Add($"{name} tx {tick}");
    }

    /// <summary>Once armed, blocks the tick that reaches it until released, as a hung driver call would.</summary>
    private sealed class Stuck : IMediaTickHandler
    {
        public volatile bool Armed;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnReceive(long tick)
        {
            if (Armed)
            {
                Armed = false;
                Entered.SetResult();
                Release.Task.Wait();
            }
        }

        public void OnTransmit(long tick)
        {
        }
    }

    private sealed class Throwing : IMediaTickHandler
    {
        public void OnReceive(long tick) => throw new InvalidOperationException("broken handler");

        public void OnTransmit(long tick) => throw new InvalidOperationException("broken handler");
    }

    /// <summary>A time source whose timer fires once however much time passed, like a process that was stalled.</summary>
    private sealed class StallingTimeProvider : TimeProvider
    {
        private TimerCallback? _callback;

        public TimeSpan Elapsed { get; private set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Elapsed.Ticks;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _callback = callback;
            return new NoTimer();
        }

        public void Elapse(TimeSpan span)
        {
            Elapsed += span;
            _callback?.Invoke(null);
        }

        private sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
