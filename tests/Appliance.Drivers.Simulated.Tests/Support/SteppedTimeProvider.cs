namespace Appliance.Drivers.Simulated.Tests.Support;

/// <summary>
/// A clock whose one periodic timer the test fires by hand, with no bookkeeping of its own in
/// between, so that allocation measured around <see cref="Tick"/> is the exchange's alone.
/// </summary>
internal sealed class SteppedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private TimerCallback? _callback;
    private object? _state;
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public override DateTimeOffset GetUtcNow() => _start.AddTicks(_ticks);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _callback = callback;
        _state = state;
        return new NullTimer();
    }

    /// <summary>Moves the clock one 20 ms frame and fires the timer.</summary>
    public void Tick()
    {
        _ticks += TimeSpan.TicksPerMillisecond * 20;
        _callback!(_state);
    }

    private sealed class NullTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
