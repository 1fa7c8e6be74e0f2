using Appliance.Core.Complaints.TicketSync;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Outbox;

namespace Appliance.Host.Composition.Internal;

/// <summary>Head office's PullTicketChanges, turned into the Core's changes (empty strings become "not set").</summary>
internal sealed class GrpcTicketChangeSource(IHeadOfficeTicketClient client, string branchId) : ITicketChangeSource
{
    public async Task<IReadOnlyList<PulledTicketChange>> PullAsync(long afterChangeId, int max, CancellationToken cancellationToken)
    {
        var response = await client.PullTicketChangesAsync(
            new PullTicketChangesRequest { BranchId = branchId, AfterChangeId = afterChangeId, MaxChanges = max }, cancellationToken).ConfigureAwait(false);
        return response.Changes
            .Select(c => new PulledTicketChange(c.ChangeId, c.TicketId, c.BasedOnRevision, Blank(c.Status), Blank(c.Department), Blank(c.Note),
                c.Actor.Length > 0 ? c.Actor : "headoffice", c.ChangedAt?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch))
            .ToList();
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}
