namespace Appliance.Core.Complaints.TicketSync;

/// <summary>Where head office's ticket changes come from (the sync service over gRPC on a real box).</summary>
public interface ITicketChangeSource
{
    /// <summary>The changes after <paramref name="afterChangeId"/>, oldest first, at most <paramref name="max"/>.</summary>
    /// <exception cref="Exception">Head office unreachable or refusing; the puller logs it and tries again next interval.</exception>
    Task<IReadOnlyList<PulledTicketChange>> PullAsync(long afterChangeId, int max, CancellationToken cancellationToken);
}
