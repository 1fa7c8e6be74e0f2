namespace Appliance.Storage.Kpi;

/// <summary>What folding a run of events produced, stored in one transaction with the new cursor.</summary>
/// <param name="Calls">Call summaries to store whole (insert or replace).</param>
/// <param name="AgentTime">Agent time to add to the quarters' rows.</param>
/// <param name="AgentStates">Agents' latest states to store.</param>
/// <param name="Seq">The log position folded up to.</param>
public sealed record KpiSummaryBatch(
    IReadOnlyCollection<KpiCallSummary> Calls, IReadOnlyCollection<KpiAgentTime> AgentTime, IReadOnlyCollection<KpiAgentState> AgentStates, long Seq);
