using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated;

/// <summary>
/// The ring pattern of one "ring": one or more bursts (the UK rings twice in a row), repeated.
/// Caller ID goes in the last silence of the first ring, so that is where the exchange puts it.
/// </summary>
public sealed class RingCadence
{
    private static readonly TimeSpan FrameLength = TimeSpan.FromMilliseconds(LineAudio.FrameMilliseconds);

    /// <summary>A cadence of the given bursts, each a whole number of 20 ms frames (the exchange's tick).</summary>
    /// <exception cref="ArgumentException">No bursts, or a duration that is not a positive multiple of 20 ms.</exception>
    public RingCadence(IReadOnlyList<RingBurst> bursts)
    {
        ArgumentNullException.ThrowIfNull(bursts);
        if (bursts.Count == 0)
        {
            throw new ArgumentException("A ring cadence needs at least one burst.", nameof(bursts));
        }

        foreach (var burst in bursts)
        {
            CheckDuration(burst.On, nameof(RingBurst.On));
            CheckDuration(burst.Off, nameof(RingBurst.Off));
        }

        Bursts = [.. bursts];
        CycleLength = Bursts.Aggregate(TimeSpan.Zero, (total, burst) => total + burst.On + burst.Off);
    }

    /// <summary>China (GB/T 15279 practice): 1 s on, 4 s off.</summary>
    public static RingCadence China { get; } = Of((1.0, 4.0));

    /// <summary>North America: 2 s on, 4 s off.</summary>
    public static RingCadence NorthAmerica { get; } = Of((2.0, 4.0));

    /// <summary>United Kingdom double ring: 0.4 on, 0.2 off, 0.4 on, 2.0 off.</summary>
    public static RingCadence UnitedKingdom { get; } = Of((0.4, 0.2), (0.4, 2.0));

    /// <summary>Continental Europe (CEPT): 1 s on, 4 s off.</summary>
    public static RingCadence Europe { get; } = Of((1.0, 4.0));

    /// <summary>The bursts of one ring, in order.</summary>
    public IReadOnlyList<RingBurst> Bursts { get; }

    /// <summary>The length of one ring including its silences.</summary>
    public TimeSpan CycleLength { get; }

    /// <summary>When, from the start of a ring, its last burst ends (caller ID follows after that).</summary>
    public TimeSpan LastBurstEnd => CycleLength - Bursts[^1].Off;

    /// <summary>Whether ring voltage is on at <paramref name="offset"/> from the start of a ring.</summary>
    public bool IsRingingAt(TimeSpan offset)
    {
        var position = TimeSpan.FromTicks(offset.Ticks % CycleLength.Ticks);
        foreach (var burst in Bursts)
        {
            if (position < burst.On)
            {
                return true;
            }

            position -= burst.On + burst.Off;
            if (position < TimeSpan.Zero)
            {
                return false;
            }
        }

        return false;
    }

    private static RingCadence Of(params (double On, double Off)[] seconds)
        => new([.. seconds.Select(s => new RingBurst(TimeSpan.FromSeconds(s.On), TimeSpan.FromSeconds(s.Off)))]);

    private static void CheckDuration(TimeSpan duration, string name)
    {
        if (duration <= TimeSpan.Zero || duration.Ticks % FrameLength.Ticks != 0)
        {
            throw new ArgumentException($"Ring burst {name} time {duration.TotalMilliseconds} ms must be a positive multiple of {LineAudio.FrameMilliseconds} ms.", nameof(duration));
        }
    }
}
