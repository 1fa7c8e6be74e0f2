namespace Appliance.Core.Acd;

/// <summary>
/// One agent as supervisors see them: the state the ACD works with, what the agent chose (logged in or out, ready or
/// paused with a reason), whether a phone is there to ring, and since when the state holds.
/// </summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Status">The state the ACD offers calls by.</param>
/// <param name="LoggedIn">The agent's choice: logged in (the default) or logged out (*51, `appliance agent logout`).</param>
/// <param name="PauseReason">The pause reason code while paused (the agent's own, or <see cref="AgentRoster.AutoPauseReason"/>), else null.</param>
/// <param name="PhoneConnected">Whether the agent has a phone to ring (a SIP agent's is registered; a simulated one always is).</param>
/// <param name="Since">When <paramref name="Status"/> (with its reason) began.</param>
public sealed record AgentState(string AgentId, AgentStatus Status, bool LoggedIn, string? PauseReason, bool PhoneConnected, DateTimeOffset Since);
