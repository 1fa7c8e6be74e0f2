namespace Appliance.Sip.Registrar.Internal;

/// <summary>Exponential backoff with jitter, so that many boxes cut off together do not come back in step.</summary>
internal static class RetryBackoff
{
    /// <summary>
    /// The wait before attempt number <paramref name="failures"/> + 1: <paramref name="first"/> doubled per earlier failure,
    /// capped at <paramref name="max"/>, then scaled to 80-100 % by <paramref name="random"/> (0 to 1). The 20 % band keeps
    /// every uncapped delay longer than the one before it. A registrar's Retry-After is honoured up to the cap.
    /// </summary>
    public static TimeSpan Next(TimeSpan first, TimeSpan max, int failures, TimeSpan? retryAfter, double random)
    {
        var doublings = Math.Clamp(failures - 1, 0, 40);
        var raw = Math.Min(first.TotalSeconds * Math.Pow(2, doublings), max.TotalSeconds);
        var delay = TimeSpan.FromSeconds(raw * (1.0 - (0.2 * Math.Clamp(random, 0, 1))));
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked < max ? asked : max;
        }

        return delay;
    }
}
