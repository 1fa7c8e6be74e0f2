using Appliance.Storage;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Outbox.Internal;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Sync.Outbox;

/// <summary>
/// Delivers the outbox to head office, oldest first, in batches of up to <see cref="OutboxPumpOptions.BatchSize"/> records
/// (a partly filled batch waits at most <see cref="OutboxPumpOptions.MaxBatchDelaySeconds"/>). Deletes only the keys head
/// office acknowledged; while it is unreachable or refusing, retries with exponential backoff and jitter. Everything it
/// must remember lives in SQLite, so a restart (or power loss) just resends what was not acknowledged, and head office's
/// idempotency keys make that harmless.
/// </summary>
public sealed class OutboxPump : BackgroundService
{
    private readonly OutboxRepository _outbox;
    private readonly IHeadOfficeSyncClient? _headOffice;
    private readonly OutboxPumpOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Backoff _backoff;
    private int _failures = -1;
    private volatile string _state = "idle";
    private DateTimeOffset? _nextAttemptAt;

    /// <param name="headOffice">Null when no head office is configured: the pump then only reports the backlog.</param>
    /// <param name="random">Jitter source; null for a shared one (tests pass a seeded one).</param>
    public OutboxPump(
        OutboxRepository outbox, IHeadOfficeSyncClient? headOffice, IOptions<OutboxPumpOptions> options, TimeProvider timeProvider,
        ILogger<OutboxPump> logger, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _outbox = outbox;
        _headOffice = headOffice;
        _options = options.Value;
        _time = timeProvider;
        _logger = logger;
        _backoff = new Backoff(
            TimeSpan.FromSeconds(_options.InitialBackoffSeconds), TimeSpan.FromSeconds(_options.MaxBackoffSeconds), random ?? Random.Shared);
    }

    /// <summary>The backlog and delivery state, for <c>appliance status</c>. Reads the database; thread-safe.</summary>
    public OutboxStatus GetStatus()
    {
        var backlog = _outbox.GetBacklog();
        var now = _time.GetUtcNow();
        return new OutboxStatus(
            _headOffice is null ? "disabled" : _state,
            backlog.Pending,
            backlog.OldestCreatedAt is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : null,
            backlog.Rejected,
            backlog.LastSuccessAt,
            backlog.LastError,
            backlog.LastErrorAt,
            backlog.ConsecutiveFailures,
            _nextAttemptAt);
    }

    /// <summary>
    /// One step of the pump: sends at most one batch and returns how long to wait before the next step (zero when more
    /// records are ready). The hosted loop calls it; tests call it directly to step through time deterministically.
    /// </summary>
    public async Task<TimeSpan> RunOnceAsync(CancellationToken cancellationToken)
    {
        var poll = TimeSpan.FromSeconds(_options.PollIntervalSeconds);
        if (_headOffice is null)
        {
            return poll;
        }

        if (_failures < 0)
        {
            _failures = _outbox.GetBacklog().ConsecutiveFailures;
        }

        var batch = _outbox.ReadOldest(_options.BatchSize);
        if (batch.Count == 0)
        {
            _state = "idle";
            return poll;
        }

        var now = _time.GetUtcNow();
        var waited = now - batch[0].CreatedAt;
        var maxDelay = TimeSpan.FromSeconds(_options.MaxBatchDelaySeconds);
        if (batch.Count < _options.BatchSize && waited < maxDelay && _failures == 0 && batch[0].Attempts == 0)
        {
            // Give a new batch a moment to fill: fewer, fuller pushes over a slow branch link. Records already sent
            // once (partly acknowledged) go again at once.
            return maxDelay - waited;
        }

        _state = "delivering";
        var request = BuildRequest(batch);
        PushBatchResponse response;
        try
        {
            response = await _headOffice.PushAsync(request, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(batch, request.BatchId, Describe(exception));
        }

        return Delivered(batch, request.BatchId, response);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_headOffice is null)
        {
            OutboxLog.Disabled(_logger);
            return;
        }

        OutboxLog.Started(_logger, _options.BranchId, _options.HeadOfficeAddress, _outbox.GetBacklog().Pending);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                delay = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (StorageException exception)
            {
                // A busy or failing disk must not kill the pump: nothing was deleted, so retrying later is safe.
                _failures = Math.Max(_failures, 0) + 1;
                delay = _backoff.Delay(_failures);
                OutboxLog.StorageFailed(_logger, exception, delay.TotalSeconds);
            }

            _nextAttemptAt = _time.GetUtcNow() + delay;
            if (delay <= TimeSpan.Zero)
            {
                await Task.Yield();
                continue;
            }

            try
            {
                await Task.Delay(delay, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private PushBatchRequest BuildRequest(IReadOnlyList<OutboxEntry> batch)
    {
        var request = new PushBatchRequest { BranchId = _options.BranchId, BatchId = Guid.NewGuid().ToString("N") };
        foreach (var entry in batch)
        {
            request.Records.Add(new SyncRecord
            {
                IdempotencyKey = entry.IdempotencyKey,
                Kind = entry.Kind switch
                {
                    OutboxKinds.Ticket => RecordKind.Ticket,
                    OutboxKinds.Transaction => RecordKind.Transaction,
                    OutboxKinds.CallSummary => RecordKind.CallSummary,
                    OutboxKinds.QaScore => RecordKind.QaScore,
                    _ => RecordKind.Unspecified,
                },
                Payload = ByteString.CopyFrom(entry.Payload),
                CreatedAt = Timestamp.FromDateTimeOffset(entry.CreatedAt),
                Sequence = entry.Seq,
                PayloadVersion = entry.PayloadVersion,
            });
        }

        return request;
    }

    private TimeSpan Delivered(IReadOnlyList<OutboxEntry> batch, string batchId, PushBatchResponse response)
    {
        // Only keys of this batch count: an acknowledgement can never delete a record that was not sent.
        var sent = batch.Select(e => e.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        var acknowledged = response.AcknowledgedKeys.Where(sent.Contains).Distinct(StringComparer.Ordinal).ToList();
        var rejected = response.Rejected
            .Where(r => sent.Contains(r.IdempotencyKey) && !acknowledged.Contains(r.IdempotencyKey))
            .Select(r => new KeyValuePair<string, string>(r.IdempotencyKey, r.Reason))
            .ToList();
        if (acknowledged.Count == 0 && rejected.Count == 0)
        {
            // Answered but applied nothing: retrying at once would spin, so treat it like a refusal.
            return Failed(batch, batchId, $"head office acknowledged none of the {batch.Count} records sent");
        }

        var (removed, setAside) = _outbox.CompleteDelivery(batch[0].Seq, batch[^1].Seq, acknowledged, rejected, _time.GetUtcNow());
        foreach (var (key, reason) in rejected)
        {
            OutboxLog.Rejected(_logger, key, reason);
        }

        if (_failures > 0)
        {
            OutboxLog.Recovered(_logger, _failures);
        }

        _failures = 0;
        OutboxLog.Delivered(_logger, batchId, batch.Count, removed, setAside);

        // Records left unacknowledged in this batch, or a full batch, mean more is ready now.
        var more = removed + setAside < batch.Count || batch.Count == _options.BatchSize;
        _state = more ? "delivering" : "idle";
        return more ? TimeSpan.Zero : TimeSpan.FromSeconds(_options.PollIntervalSeconds);
    }

    private TimeSpan Failed(IReadOnlyList<OutboxEntry> batch, string batchId, string reason)
    {
        _failures++;
        var delay = _backoff.Delay(_failures);
        _state = "backing-off";
        _outbox.RecordFailure(batch[0].Seq, batch[^1].Seq, reason, _time.GetUtcNow());
        OutboxLog.PushFailed(_logger, batchId, batch.Count, _failures, delay.TotalSeconds, reason);
        return delay;
    }

    private static string Describe(Exception exception) => exception switch
    {
        RpcException rpc => $"head office answered {rpc.StatusCode}: {rpc.Status.Detail}",
        HttpRequestException http => $"head office unreachable: {http.Message}",
        OperationCanceledException => "the push timed out",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
