using Appliance.Testing;

namespace Appliance.Drivers.Simulated.Tests.Support;

/// <summary>
/// A manual clock that can jump ahead without firing timers in between, as a real clock does when
/// a timer thread is starved: the next timer callback then finds more time passed than one period.
/// </summary>
internal sealed class SkewableTimeProvider : TimeProvider
{
    private TimeSpan _skew;

    public ManualTimeProvider Inner { get; } = new();

    public void Jump(TimeSpan by) => _skew += by;

    public override DateTimeOffset GetUtcNow() => Inner.GetUtcNow() + _skew;

    public override long GetTimestamp() => Inner.GetTimestamp() + _skew.Ticks;

    public override long TimestampFrequency => Inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        => Inner.CreateTimer(callback, state, dueTime, period);
}
