using Appliance.Sync.Contracts.Sync.V1;

namespace Appliance.Sync.Outbox;

/// <summary>Pushes one batch to head office. Throws on any failure (unreachable, refused, deadline); the pump backs off.</summary>
public interface IHeadOfficeSyncClient
{
    Task<PushBatchResponse> PushAsync(PushBatchRequest request, CancellationToken cancellationToken);
}
