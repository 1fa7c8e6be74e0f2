namespace Appliance.Storage;

/// <summary>What the outbox holds and how delivery went, as stored (so it survives restarts).</summary>
/// <param name="Pending">Entries not yet acknowledged.</param>
/// <param name="OldestCreatedAt">Commit time of the oldest pending entry, or null when empty.</param>
/// <param name="Rejected">Entries head office refused for good (kept aside, not retried).</param>
/// <param name="LastSuccessAt">The last push head office answered.</param>
/// <param name="LastError">Why the last push failed, or null if the last push succeeded.</param>
/// <param name="LastErrorAt">When it failed.</param>
/// <param name="ConsecutiveFailures">Failed pushes since the last success.</param>
public sealed record OutboxBacklog(
    int Pending,
    DateTimeOffset? OldestCreatedAt,
    int Rejected,
    DateTimeOffset? LastSuccessAt,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    int ConsecutiveFailures);
