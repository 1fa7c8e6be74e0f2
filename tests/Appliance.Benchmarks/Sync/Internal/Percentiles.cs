using System.Globalization;

namespace Appliance.Benchmarks.Sync.Internal;

/// <summary>Nearest-rank percentiles of a set of latencies in milliseconds.</summary>
internal static class Percentiles
{
    public static string Describe(List<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return "no samples";
        }

        milliseconds.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"p50 {At(milliseconds, 50):F1} ms, p90 {At(milliseconds, 90):F1} ms, p99 {At(milliseconds, 99):F1} ms, max {milliseconds[^1]:F1} ms (n={milliseconds.Count})");
    }

    private static double At(List<double> sorted, double percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
