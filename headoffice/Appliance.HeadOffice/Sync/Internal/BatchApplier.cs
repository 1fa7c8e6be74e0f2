using Appliance.Sync.Contracts.Sync.V1;
using Grpc.Core;
using Npgsql;

namespace Appliance.HeadOffice.Sync.Internal;

/// <summary>
/// Applies one validated batch in one PostgreSQL transaction: everything new in it is applied, or (on any failure,
/// cancellation included) nothing is. Keys applied before are acknowledged again and never applied twice.
/// </summary>
internal sealed class BatchApplier
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;

    public BatchApplier(NpgsqlDataSource dataSource, TimeProvider time)
    {
        _dataSource = dataSource;
        _time = time;
    }

    /// <summary>Test seam: runs inside the transaction, after all writes and before the commit.</summary>
    internal Func<CancellationToken, Task>? BeforeCommit { get; set; }

    public async Task<BatchOutcome> ApplyAsync(
        string branchId, string batchId, IReadOnlyList<IncomingRecord> records, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockActiveBranchAsync(connection, transaction, branchId, cancellationToken);

        var fresh = await RecordLedger.InsertNewAsync(
            connection, transaction, branchId, batchId, _time.GetUtcNow().UtcDateTime, records, cancellationToken);
        var earlier = records.Where(r => !fresh.Contains(r.Key)).ToList();
        var storedHashes = await RecordLedger.ReadHashesAsync(
            connection, transaction, branchId, earlier.Select(r => r.Key).ToList(), cancellationToken);

        var rejected = new List<RejectedRecord>();
        foreach (var record in earlier)
        {
            if (storedHashes.TryGetValue(record.Key, out var stored) && !stored.AsSpan().SequenceEqual(record.PayloadSha256))
            {
                rejected.Add(new RejectedRecord
                {
                    IdempotencyKey = record.Key,
                    Reason = "This idempotency key was applied earlier with a different payload; the earlier one stands.",
                });
            }
        }

        await DomainRowWriter.WriteAsync(connection, transaction, branchId, records.Where(r => fresh.Contains(r.Key)).ToList(), cancellationToken);
        if (BeforeCommit is { } hook)
        {
            await hook(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var refused = rejected.Select(r => r.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        return new BatchOutcome(records.Select(r => r.Key).Where(k => !refused.Contains(k)).ToList(), fresh.Count, rejected);
    }

    /// <summary>
    /// Holds the branch row for the transaction, so a revocation either happens before (and this batch is refused) or
    /// waits until the batch is committed.
    /// </summary>
    private static async Task LockActiveBranchAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string branchId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT revoked_at IS NULL FROM branches WHERE branch_id = $1 FOR SHARE;", connection, transaction);
        command.With(branchId);
        if (await command.ExecuteScalarAsync(cancellationToken) is not true)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"Branch '{branchId}' is not enrolled or is revoked; nothing was applied."));
        }
    }
}
