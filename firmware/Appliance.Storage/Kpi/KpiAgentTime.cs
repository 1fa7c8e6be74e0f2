namespace Appliance.Storage.Kpi;

/// <summary>An agent's state time within one 15-minute quarter (a row of <c>kpi_agent_time</c>, or an amount to add to it).</summary>
/// <param name="QuarterAt">The quarter's start (UTC, on a 15-minute boundary).</param>
/// <param name="Agent">The agent.</param>
/// <param name="LoggedInMs">Any state but logged out.</param>
/// <param name="BusyMs">On a call or in wrap-up.</param>
/// <param name="AvailableMs">Available and idle.</param>
public sealed record KpiAgentTime(DateTimeOffset QuarterAt, string Agent, long LoggedInMs, long BusyMs, long AvailableMs);
