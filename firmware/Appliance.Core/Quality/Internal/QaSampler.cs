using Appliance.Storage;
using Appliance.Storage.Quality;

namespace Appliance.Core.Quality.Internal;

/// <summary>
/// Draws a week's review list: of each agent's recorded calls, <c>percent</c> % rounded up (so an agent with any
/// recorded call gets at least one reviewed), picked at random. Calls are taken in a fixed order before drawing, so
/// the same random sequence always draws the same calls.
/// </summary>
internal static class QaSampler
{
    public static List<QaSampleRecord> Draw(IReadOnlyList<CallRecord> calls, DateTimeOffset weekStart, int percent, Random random)
    {
        var sample = new List<QaSampleRecord>();
        var byAgent = calls.Where(c => c.Agent is not null && c.RecordingId is not null)
            .GroupBy(c => c.Agent!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var agentCalls in byAgent)
        {
            var pool = agentCalls.OrderBy(c => c.StartedAt).ThenBy(c => c.Id, StringComparer.Ordinal).ToArray();
            var take = (int)Math.Ceiling(pool.Length * percent / 100.0);

            // A partial Fisher-Yates shuffle: the first `take` places end up a uniform random choice.
            for (var i = 0; i < take; i++)
            {
                var j = random.Next(i, pool.Length);
                (pool[i], pool[j]) = (pool[j], pool[i]);
            }

            sample.AddRange(pool.Take(take).OrderBy(c => c.StartedAt)
                .Select(c => new QaSampleRecord(c.Id, weekStart, c.Agent!, c.Queue, c.RecordingId!, c.StartedAt)));
        }

        return sample;
    }
}
