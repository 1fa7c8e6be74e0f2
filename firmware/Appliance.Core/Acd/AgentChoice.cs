namespace Appliance.Core.Acd;

/// <summary>What an agent chose for themselves, the part of their state that outlives a restart.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="LoggedIn">False after they logged out.</param>
/// <param name="PauseReason">The pause reason code while paused (their own or <see cref="AgentRoster.AutoPauseReason"/>), else null.</param>
/// <param name="ChangedAt">When they chose it.</param>
public sealed record AgentChoice(string AgentId, bool LoggedIn, string? PauseReason, DateTimeOffset ChangedAt);
