using System.Diagnostics;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Outbox;

namespace Appliance.Benchmarks.Sync.Internal;

/// <summary>
/// Wraps the real head-office client and notes when each key's acknowledgement reached the box: that is the moment the
/// record is known to be durably applied (head office answers only after its transaction committed).
/// </summary>
internal sealed class AckTimingSyncClient(IHeadOfficeSyncClient inner) : IHeadOfficeSyncClient
{
    private readonly Dictionary<string, long> _firstAck = new(capacity: 1 << 16, StringComparer.Ordinal);
    private int _acknowledged;
    private int _repeated;
    private int _pushes;
    private long _pushTicks;

    /// <summary>Acknowledgements of keys already acknowledged (the pump resent records it had not yet deleted).</summary>
    public int Repeated => Volatile.Read(ref _repeated);

    /// <summary>Distinct keys acknowledged so far (read from any thread).</summary>
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Pushes made so far.</summary>
    public int Pushes => Volatile.Read(ref _pushes);

    /// <summary>Total time spent inside pushes (the rest of the pump's time is SQLite and waiting).</summary>
    public TimeSpan PushTime => TimeSpan.FromSeconds((double)Interlocked.Read(ref _pushTicks) / Stopwatch.Frequency);

    /// <summary>Idempotency key to the Stopwatch timestamp of its first acknowledgement. Read only after the pump stopped.</summary>
    public IReadOnlyDictionary<string, long> FirstAcks => _firstAck;

    public async Task<PushBatchResponse> PushAsync(PushBatchRequest request, CancellationToken cancellationToken)
    {
        var sent = Stopwatch.GetTimestamp();
        var response = await inner.PushAsync(request, cancellationToken);
        var at = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _pushTicks, at - sent);
        var added = 0;
        foreach (var key in response.AcknowledgedKeys)
        {
            if (_firstAck.TryAdd(key, at))
            {
                added++;
            }
        }

        Interlocked.Increment(ref _pushes);
        Interlocked.Add(ref _repeated, response.AcknowledgedKeys.Count - added);
        Interlocked.Add(ref _acknowledged, added);
        return response;
    }
}
