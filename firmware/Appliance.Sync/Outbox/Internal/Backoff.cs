namespace Appliance.Sync.Outbox.Internal;

/// <summary>
/// Exponential backoff with "equal jitter": the n-th consecutive failure waits between half and all of
/// min(max, initial * 2^(n-1)). The random half keeps a fleet of branches that lost head office at the same moment from
/// all retrying in the same second when it comes back, while the fixed half keeps the delay growing.
/// </summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan maximum, Random random)
{
    public TimeSpan Ceiling(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(failures);
        var exponent = Math.Min(failures - 1, 30);
        var seconds = Math.Min(maximum.TotalSeconds, initial.TotalSeconds * Math.Pow(2, exponent));
        return TimeSpan.FromSeconds(seconds);
    }

    public TimeSpan Delay(int failures)
    {
        var ceiling = Ceiling(failures);
        double fraction;
        lock (random)
        {
            fraction = random.NextDouble();
        }

        return ceiling / 2 + ceiling / 2 * fraction;
    }
}
