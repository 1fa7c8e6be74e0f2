namespace Appliance.Host.Control;

/// <summary>The body of <c>POST /v1/agents/{id}/state</c>.</summary>
/// <param name="Command">"login", "logout", "ready" or "pause".</param>
/// <param name="Reason">For "pause" only: a configured pause reason code, e.g. "1".</param>
public sealed record AgentStateRequest(string Command, string? Reason);
