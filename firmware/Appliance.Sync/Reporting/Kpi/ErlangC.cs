namespace Appliance.Sync.Reporting.Kpi;

/// <summary>Erlang C: the queueing model DOMAIN.md's staffing forecast uses (Poisson arrivals, exponential handling, no abandons).</summary>
public static class ErlangC
{
    /// <summary>The most agents <see cref="AgentsNeeded"/> will suggest; beyond it the answer is this cap.</summary>
    public const int MaxAgents = 1000;

    /// <summary>The probability a caller has to wait, with <paramref name="agents"/> agents and <paramref name="erlangs"/> offered load.</summary>
    public static double ProbabilityOfWaiting(int agents, double erlangs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(erlangs);
        if (agents <= erlangs)
        {
            return 1;
        }

        // Erlang B by its recurrence (stable where factorials overflow), then C from B.
        var b = 1.0;
        for (var n = 1; n <= agents; n++)
        {
            b = erlangs * b / (n + (erlangs * b));
        }

        return agents * b / (agents - (erlangs * (1 - b)));
    }

    /// <summary>The share of calls answered within <paramref name="threshold"/> (the service level Erlang C predicts).</summary>
    public static double ServiceLevel(int agents, double erlangs, TimeSpan handlingTime, TimeSpan threshold)
    {
        if (agents <= erlangs)
        {
            return 0;
        }

        var waiting = ProbabilityOfWaiting(agents, erlangs);
        return 1 - (waiting * Math.Exp(-(agents - erlangs) * threshold.TotalSeconds / handlingTime.TotalSeconds));
    }

    /// <summary>
    /// The fewest agents that answer at least <paramref name="target"/> of <paramref name="calls"/> calls per
    /// <paramref name="interval"/> within <paramref name="threshold"/>, given the average handling time; 0 when no call was offered
    /// or none was handled.
    /// </summary>
    public static int AgentsNeeded(double calls, TimeSpan handlingTime, TimeSpan interval, double target, TimeSpan threshold)
    {
        if (calls <= 0 || handlingTime <= TimeSpan.Zero)
        {
            return 0;
        }

        var erlangs = calls * handlingTime.TotalSeconds / interval.TotalSeconds;
        for (var agents = Math.Max(1, (int)Math.Floor(erlangs) + 1); agents < MaxAgents; agents++)
        {
            if (ServiceLevel(agents, erlangs, handlingTime, threshold) >= target)
            {
                return agents;
            }
        }

        return MaxAgents;
    }
}
