using System.Diagnostics;
using Appliance.Telephony.Clock;

namespace Appliance.Benchmarks.Recordings.Internal;

/// <summary>
/// Records how late each media tick ran against the ideal 20 ms grid from the first tick it saw (a tick the clock runs
/// late to catch up counts as late: its audio was).
/// </summary>
internal sealed class TickLatenessProbe : IMediaTickHandler
{
    private long _firstTick = -1;
    private long _firstTimestamp;
    private double _worstMs;
    private long _over5Ms;
    private long _ticks;

    public double WorstMilliseconds => Volatile.Read(ref _worstMs);

    public long TicksOver5Ms => Interlocked.Read(ref _over5Ms);

    public long Ticks => Interlocked.Read(ref _ticks);

    public void OnReceive(long tick)
    {
        var now = Stopwatch.GetTimestamp();
        if (_firstTick < 0)
        {
            (_firstTick, _firstTimestamp) = (tick, now);
            return;
        }

        var ideal = (tick - _firstTick) * MediaClock.TickInterval.TotalMilliseconds;
        var late = Stopwatch.GetElapsedTime(_firstTimestamp, now).TotalMilliseconds - ideal;
        if (late > _worstMs)
        {
            Volatile.Write(ref _worstMs, late);
        }

        if (late > 5)
        {
            Interlocked.Increment(ref _over5Ms);
        }

        Interlocked.Increment(ref _ticks);
    }

    /// <summary>Starts a new measure (worst, counts) on the same grid, e.g. when the work under test begins.</summary>
    public void Reset()
    {
        Volatile.Write(ref _worstMs, 0);
        Interlocked.Exchange(ref _over5Ms, 0);
        Interlocked.Exchange(ref _ticks, 0);
    }

    public void OnTransmit(long tick)
    {
    }
}
