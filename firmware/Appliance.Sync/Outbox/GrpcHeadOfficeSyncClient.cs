using Appliance.Sync.Contracts;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Grpc;

namespace Appliance.Sync.Outbox;

/// <summary>Head office's SyncService over our gRPC client, authenticated with the branch id and key (x-branch-id, x-branch-key).</summary>
public sealed class GrpcHeadOfficeSyncClient : IHeadOfficeSyncClient, IDisposable
{
    /// <summary>The metadata key carrying the branch key.</summary>
    public const string BranchKeyHeader = "x-branch-key";

    /// <summary>The metadata key carrying the branch id (head office looks the key up by it).</summary>
    public const string BranchIdHeader = "x-branch-id";

    private readonly GrpcClient _client;
    private readonly GrpcMetadata _headers = new();
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    /// <param name="client">Disposed with this object.</param>
    public GrpcHeadOfficeSyncClient(GrpcClient client, string branchId, string branchKey, TimeSpan timeout, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(branchId);
        ArgumentException.ThrowIfNullOrWhiteSpace(branchKey);
        _client = client;
        _headers.Add(BranchIdHeader, branchId);
        _headers.Add(BranchKeyHeader, branchKey);
        _timeout = timeout;
        _time = timeProvider;
    }

    /// <inheritdoc />
    public Task<PushBatchResponse> PushAsync(PushBatchRequest request, CancellationToken cancellationToken) =>
        _client.UnaryAsync<PushBatchRequest, PushBatchResponse>(SyncServiceContract.PushBatch, request, new GrpcCallOptions
        {
            Deadline = _time.GetUtcNow() + _timeout,
            Headers = _headers,
            CancellationToken = cancellationToken,
        });

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
