namespace Appliance.Storage;

/// <summary>An agent's own choice as last stored: logged in or out, and the pause reason while not ready.</summary>
/// <param name="AgentId">The agent (1-128 characters).</param>
/// <param name="LoggedIn">False after the agent logged out.</param>
/// <param name="PauseReason">The pause reason code while paused (1-16 characters), else null.</param>
/// <param name="ChangedAt">When the agent made this choice.</param>
public sealed record AgentStateRecord(string AgentId, bool LoggedIn, string? PauseReason, DateTimeOffset ChangedAt);
