using Appliance.HeadOffice.Branches;
using Appliance.HeadOffice.Sync.Internal;
using Appliance.HeadOffice.Tickets;
using Appliance.Sync.Contracts.Sync.V1;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Appliance.HeadOffice.Sync;

/// <summary>
/// <c>appliance.sync.v1.SyncService</c> on PostgreSQL: each batch is validated whole, then applied in one transaction,
/// each record exactly once by (branch, idempotency key). The answer lists every key durably applied, now or before.
/// Served by Grpc.AspNetCore with <see cref="BranchCredentialAuthorizer"/> checking every call first.
/// </summary>
public sealed class HeadOfficeSyncService : SyncService.SyncServiceBase
{
    private readonly SyncIngestOptions _options;
    private readonly ILogger<HeadOfficeSyncService> _logger;
    private readonly TicketDesk _tickets;

    public HeadOfficeSyncService(
        NpgsqlDataSource dataSource, IOptions<SyncIngestOptions> options, TimeProvider time, ILogger<HeadOfficeSyncService> logger,
        TicketDesk tickets)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _tickets = tickets;
        Applier = new BatchApplier(dataSource, time);
    }

    internal BatchApplier Applier { get; }

    public override async Task<PushBatchResponse> PushBatch(PushBatchRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var caller = BranchCredentialAuthorizer.AuthenticatedBranch(context)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "The call carries no authenticated branch."));
        if (!string.Equals(request.BranchId, caller, StringComparison.Ordinal))
        {
            SyncServiceLog.BatchRefused(_logger, request.BatchId, caller, "claims another branch");
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"Branch '{caller}' may not push records for branch '{request.BranchId}'; nothing was applied."));
        }

        ValidatedBatch batch;
        try
        {
            batch = BatchValidator.Validate(request, _options.MaxRecordsPerBatch);
        }
        catch (RpcException e)
        {
            SyncServiceLog.BatchRefused(_logger, request.BatchId, caller, e.Status.Detail);
            throw;
        }

        var outcome = await ApplyWithRetryAsync(request.BranchId, request.BatchId, batch.Records, context.CancellationToken);
        SyncServiceLog.BatchApplied(_logger, request.BatchId, caller, request.Records.Count, outcome.NewlyApplied,
            batch.Rejected.Count + outcome.Rejected.Count);
        var response = new PushBatchResponse { AcknowledgedKeys = { outcome.Acknowledged } };
        response.Rejected.AddRange(batch.Rejected);
        response.Rejected.AddRange(outcome.Rejected);
        return response;
    }

    public override async Task<PullTicketChangesResponse> PullTicketChanges(PullTicketChangesRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var caller = BranchCredentialAuthorizer.AuthenticatedBranch(context)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "The call carries no authenticated branch."));
        if (!string.Equals(request.BranchId, caller, StringComparison.Ordinal))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"Branch '{caller}' may not pull the ticket changes of branch '{request.BranchId}'."));
        }

        if (request.AfterChangeId < 0 || request.MaxChanges < 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "after_change_id and max_changes must not be negative."));
        }

        IReadOnlyList<QueuedTicketChange> changes;
        try
        {
            changes = await _tickets.ChangesAfterAsync(caller, request.AfterChangeId,
                request.MaxChanges == 0 ? TicketDesk.MaxChangesPerPull : request.MaxChanges, context.CancellationToken);
        }
        catch (NpgsqlException e) when (!context.CancellationToken.IsCancellationRequested)
        {
            SyncServiceLog.DatabaseFailed(_logger, e, "pull", caller);
            throw new RpcException(new Status(StatusCode.Unavailable, "Head office could not read ticket changes right now. Retry later."));
        }

        var response = new PullTicketChangesResponse();
        foreach (var c in changes)
        {
            response.Changes.Add(new TicketChange
            {
                ChangeId = c.ChangeId,
                TicketId = c.TicketId,
                BasedOnRevision = c.BasedOnRevision,
                Status = c.Status,
                Department = c.Department,
                Note = c.Note,
                Actor = c.Actor,
                ChangedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.SpecifyKind(c.ChangedAt, DateTimeKind.Utc)),
            });
        }

        return response;
    }

    private async Task<BatchOutcome> ApplyWithRetryAsync(
        string branchId, string batchId, IReadOnlyList<IncomingRecord> records, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Applier.ApplyAsync(branchId, batchId, records, cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
                                              && attempt < _options.MaxApplyAttempts)
            {
                SyncServiceLog.TransientConflict(_logger, batchId, branchId, e.SqlState, attempt, _options.MaxApplyAttempts);
            }
            catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested)
            {
                // The box will retry the whole batch; UNAVAILABLE tells its pump to back off rather than give up.
                SyncServiceLog.DatabaseFailed(_logger, e, batchId, branchId);
                throw new RpcException(new Status(StatusCode.Unavailable, "Head office could not store the batch right now; nothing was applied. Retry later."));
            }
        }
    }
}
