using Appliance.Core.Acd;

namespace Appliance.Host.Control;

/// <summary>
/// Agents' states for the control API: list them, and log in, log out, make ready or pause one. Implemented in
/// Composition/ on the media loop; called by <c>GET /v1/agents</c> and <c>POST /v1/agents/{id}/state</c>.
/// </summary>
public interface IAgentDesk
{
    /// <summary>Every configured agent, ordered by id.</summary>
    Task<IReadOnlyList<AgentSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="command"/> and returns the agent as they are afterwards.</summary>
    /// <exception cref="AgentStateRefusedException">No such agent, or the reason is not configured; nothing changed.</exception>
    Task<AgentSummary> ApplyAsync(string agentId, AgentCommand command, string? reason, CancellationToken cancellationToken);
}
