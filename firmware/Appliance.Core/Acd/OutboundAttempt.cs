namespace Appliance.Core.Acd;

/// <summary>How one agent-first outbound call went.</summary>
/// <param name="Outcome">
/// answered (the agent talked to the customer), busy, no-answer, congestion, rejected, failed, cannot-dial, agent-gone,
/// stopped; null when it was stopped before any agent was free (nothing was dialled).
/// </param>
/// <param name="AgentId">The agent who was reserved for it, or null.</param>
public sealed record OutboundAttempt(string? Outcome, string? AgentId);
