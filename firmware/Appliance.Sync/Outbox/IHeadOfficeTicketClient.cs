using Appliance.Sync.Contracts.Sync.V1;

namespace Appliance.Sync.Outbox;

/// <summary>Asks head office for its changes to this branch's tickets. Throws on any failure; the caller retries later.</summary>
public interface IHeadOfficeTicketClient
{
    Task<PullTicketChangesResponse> PullTicketChangesAsync(PullTicketChangesRequest request, CancellationToken cancellationToken);
}
