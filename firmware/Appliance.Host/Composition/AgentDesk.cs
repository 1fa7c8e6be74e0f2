using Appliance.Core.Acd;
using Appliance.Core.Configuration;
using Appliance.Host.Control;
using Appliance.Sip.Registrar;
using Appliance.Telephony.Clock;

namespace Appliance.Host.Composition;

/// <summary>
/// The control API's view of agents: reads and changes the <see cref="AgentRoster"/> on the media loop, where it
/// lives, and counts each agent's registered phones at the <see cref="SipRegistrar"/>.
/// </summary>
internal sealed class AgentDesk(MediaClock clock, AgentRoster roster, ConfigurationService directory, SipRegistrar registrar) : IAgentDesk
{
    // The media loop answers within a tick; this only bounds a stuck loop.
    private static readonly TimeSpan LoopLimit = TimeSpan.FromSeconds(5);

    public Task<IReadOnlyList<AgentSummary>> ListAsync(CancellationToken cancellationToken) =>
        clock.InvokeAsync<IReadOnlyList<AgentSummary>>(() => [.. roster.States().Select(Summary)]).WaitAsync(LoopLimit, cancellationToken);

    public Task<AgentSummary> ApplyAsync(string agentId, AgentCommand command, string? reason, CancellationToken cancellationToken) =>
        clock.InvokeAsync(() =>
        {
            return roster.Apply(agentId, command, reason, "control") switch
            {
                AgentCommandResult.UnknownAgent => throw new AgentStateRefusedException($"agent: there is no agent '{agentId}'"),
                AgentCommandResult.UnknownReason => throw new AgentStateRefusedException($"reason: '{reason}' is not a configured pause reason{Known()}"),
                _ => Summary(roster.StateOf(agentId)!),
            };
        }).WaitAsync(LoopLimit, cancellationToken);

    private string Known()
    {
        var codes = directory.Current.Configuration.PauseReasons;
        return codes.Count == 0 ? " (none are configured)" : $" (configured: {string.Join(", ", codes.Select(r => $"{r.Code} {r.Name}"))})";
    }

    private AgentSummary Summary(AgentState state)
    {
        var extension = directory.Agent(state.AgentId)?.DialString is { } dial && dial.StartsWith("sip:", StringComparison.Ordinal) ? dial[4..] : null;
        var reasonName = state.PauseReason is null ? null
            : state.PauseReason == AgentRoster.AutoPauseReason ? "auto-pause"
            : directory.PauseReason(state.PauseReason)?.Name;
        return new AgentSummary(
            state.AgentId,
            state.Status.ToString().ToLowerInvariant(),
            state.LoggedIn,
            state.PauseReason,
            reasonName,
            state.Since,
            Math.Round((clock.Time.GetUtcNow() - state.Since).TotalSeconds, 1),
            extension is null ? 0 : registrar.Lookup(extension).Count);
    }
}
