using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Transport;
using Grpc.Core;
using Grpc.Net.Client;

namespace Appliance.Sync.Outbox;

/// <summary>
/// Head office's SyncService through the generated client on Grpc.Net.Client, authenticated with the branch id and key
/// (metadata x-branch-id, x-branch-key), each push with its own deadline.
/// </summary>
public sealed class GrpcHeadOfficeSyncClient : IHeadOfficeSyncClient, IHeadOfficeTicketClient, IDisposable
{
    /// <summary>The metadata key carrying the branch key.</summary>
    public const string BranchKeyHeader = "x-branch-key";

    /// <summary>The metadata key carrying the branch id (head office looks the key up by it).</summary>
    public const string BranchIdHeader = "x-branch-id";

    private readonly GrpcChannel _channel;
    private readonly SyncService.SyncServiceClient _client;
    private readonly Metadata _headers;
    private readonly TimeSpan _timeout;

    /// <param name="channel">Disposed with this object.</param>
    /// <param name="options">Request compression (and the limits the channel was made with).</param>
    public GrpcHeadOfficeSyncClient(GrpcChannel channel, GrpcClientOptions options, string branchId, string branchKey, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(branchId);
        ArgumentException.ThrowIfNullOrWhiteSpace(branchKey);
        _channel = channel;
        _client = new SyncService.SyncServiceClient(channel.CreateInvoker(options));
        _headers = new Metadata { { BranchIdHeader, branchId }, { BranchKeyHeader, branchKey } };
        _timeout = timeout;
    }

    /// <inheritdoc />
    /// <exception cref="RpcException">The push did not end with OK (unreachable: UNAVAILABLE; deadline: DEADLINE_EXCEEDED).</exception>
    public async Task<PushBatchResponse> PushAsync(PushBatchRequest request, CancellationToken cancellationToken) =>
        // Grpc.Net.Client times deadlines on the system clock, so the deadline is taken from it too.
        await _client.PushBatchAsync(request, _headers, DateTime.UtcNow + _timeout, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="RpcException">The pull did not end with OK.</exception>
    public async Task<PullTicketChangesResponse> PullTicketChangesAsync(PullTicketChangesRequest request, CancellationToken cancellationToken) =>
        await _client.PullTicketChangesAsync(request, _headers, DateTime.UtcNow + _timeout, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _channel.Dispose();
}
