namespace Appliance.Storage.Kpi;

/// <summary>An agent's latest state and since when (a row of <c>kpi_agent_last</c>).</summary>
/// <param name="Agent">The agent.</param>
/// <param name="Status">The AGENT_STATE status, lower case (e.g. "available", "oncall", "wrapup", "loggedout").</param>
/// <param name="Since">When the agent entered it.</param>
public sealed record KpiAgentState(string Agent, string Status, DateTimeOffset Since);
