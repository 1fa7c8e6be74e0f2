namespace Appliance.Sync.Outbox;

/// <summary>The outbox as <c>appliance status</c> shows it: a plain, JSON-friendly snapshot.</summary>
/// <param name="State">"disabled" (no head office configured), "idle", "delivering" or "backing-off".</param>
/// <param name="Pending">Records waiting for head office's acknowledgement.</param>
/// <param name="OldestAgeSeconds">How long the oldest pending record has waited, or null when none waits.</param>
/// <param name="Rejected">Records head office refused for good (kept aside for a technician).</param>
/// <param name="LastSuccessAt">When head office last answered a push.</param>
/// <param name="LastError">Why the last push failed, or null when it succeeded.</param>
/// <param name="LastErrorAt">When that was.</param>
/// <param name="ConsecutiveFailures">Failed pushes since the last success.</param>
/// <param name="NextAttemptAt">When the pump looks at the outbox next.</param>
public sealed record OutboxStatus(
    string State,
    int Pending,
    double? OldestAgeSeconds,
    int Rejected,
    DateTimeOffset? LastSuccessAt,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    int ConsecutiveFailures,
    DateTimeOffset? NextAttemptAt);
