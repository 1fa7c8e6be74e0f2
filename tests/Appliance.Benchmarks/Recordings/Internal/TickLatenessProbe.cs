using System.Diagnostics;
using Appliance.Telephony.Clock;

namespace Appliance.Benchmarks.Recordings.Internal;

/// <summary>
/// Records when each media tick ran and, at the end, how late each was against the ideal 20 ms grid. The grid is
/// anchored at the earliest tick (a tick never runs before it is due), not at the first one seen: a late first tick
/// would make every later tick look that much earlier than it was. A tick the clock runs late to catch up counts as
/// late: its audio was. The tick only stores a number in a preallocated array.
/// </summary>
internal sealed class TickLatenessProbe : IMediaTickHandler
{
    private readonly double[] _offsets = new double[1 << 20]; // ms behind the first tick's grid; 5.8 hours of ticks
    private long _firstTick = -1;
    private long _firstTimestamp;
    private int _count;
    private int _windowStart;

    /// <summary>Ticks seen since the last <see cref="Reset"/>.</summary>
    public int Ticks => Volatile.Read(ref _count) - Volatile.Read(ref _windowStart);

    /// <summary>Starts a new measure window (e.g. when the work under test begins) on the same grid.</summary>
    public void Reset() => Volatile.Write(ref _windowStart, Volatile.Read(ref _count));

    /// <summary>The worst lateness and the ticks over <paramref name="limitMs"/> late, in the window [from, to) of ticks.</summary>
    public (double WorstMs, int Over) Measure(int from, int to, double limitMs)
    {
        var count = Volatile.Read(ref _count);
        var anchor = _offsets.AsSpan(0, count).ToArray().Min();
        var (worst, over) = (0.0, 0);
        for (var i = from; i < Math.Min(to, count); i++)
        {
            var late = _offsets[i] - anchor;
            worst = Math.Max(worst, late);
            over += late > limitMs ? 1 : 0;
        }

        return (worst, over);
    }

    /// <summary>Where the current window starts and ends, for <see cref="Measure"/>.</summary>
    public (int From, int To) Window => (Volatile.Read(ref _windowStart), Volatile.Read(ref _count));

    public void OnReceive(long tick)
    {
        var now = Stopwatch.GetTimestamp();
        if (_firstTick < 0)
        {
            (_firstTick, _firstTimestamp) = (tick, now);
        }

        if (_count < _offsets.Length)
        {
            _offsets[_count] = Stopwatch.GetElapsedTime(_firstTimestamp, now).TotalMilliseconds - ((tick - _firstTick) * MediaClock.TickInterval.TotalMilliseconds);
            Volatile.Write(ref _count, _count + 1);
        }
    }

    public void OnTransmit(long tick)
    {
    }
}
