using System.Collections.Concurrent;
using Appliance.Sync.Contracts.Sync.V1;
using Grpc.Core;

namespace Appliance.Sync.Tests.Support;

/// <summary>An in-memory head office: applies each record once by idempotency key and acknowledges what it holds.</summary>
internal sealed class TestSyncService : SyncService.SyncServiceBase
{
    public ConcurrentDictionary<string, SyncRecord> Applied { get; } = new();

    public override Task<PushBatchResponse> PushBatch(PushBatchRequest request, ServerCallContext context)
    {
        if (string.IsNullOrEmpty(request.BranchId))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "branch_id is required"));
        }

        var response = new PushBatchResponse();
        foreach (var record in request.Records)
        {
            Applied.TryAdd(record.IdempotencyKey, record);
            response.AcknowledgedKeys.Add(record.IdempotencyKey);
        }

        return Task.FromResult(response);
    }
}
