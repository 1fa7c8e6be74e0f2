using System.Net;

namespace Appliance.Sip.Transport.Internal;

/// <summary>
/// A token bucket per source address for error replies to requests that did not parse: a flood of junk (or of junk
/// with a forged source) gets at most <c>perSecond</c> answers per address, like the endpoint's limit on requests
/// without credentials. The table is bounded so that many sources cannot grow it without end.
/// </summary>
internal sealed class ErrorReplyLimiter(int perSecond, TimeProvider time)
{
    private const int MaxSources = 4_096;
    private readonly Dictionary<IPAddress, Bucket> _buckets = [];
    private readonly Lock _gate = new();

    /// <summary>Takes one reply from <paramref name="source"/>'s bucket; false when it is empty (or the table is full).</summary>
    public bool TryTake(IPAddress source)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            if (!_buckets.TryGetValue(source, out var bucket))
            {
                if (_buckets.Count >= MaxSources && !ForgetRefilled(now))
                {
                    return false;
                }

                bucket = new Bucket { Tokens = perSecond, Stamp = now };
                _buckets[source] = bucket;
            }

            Refill(bucket, now);
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens--;
            return true;
        }
    }

    private void Refill(Bucket bucket, long now)
    {
        var seconds = time.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
        bucket.Tokens = Math.Min(perSecond, bucket.Tokens + (seconds * perSecond));
        bucket.Stamp = now;
    }

    /// <summary>Drops the buckets that have filled up again (their sources went quiet); true if that made room.</summary>
    private bool ForgetRefilled(long now)
    {
        foreach (var (address, bucket) in _buckets.ToList())
        {
            Refill(bucket, now);
            if (bucket.Tokens >= perSecond)
            {
                _buckets.Remove(address);
            }
        }

        return _buckets.Count < MaxSources;
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public long Stamp { get; set; }
    }
}
