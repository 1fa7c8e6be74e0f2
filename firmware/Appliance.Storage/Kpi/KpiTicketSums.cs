namespace Appliance.Storage.Kpi;

/// <summary>Tickets opened from calls in one (interval, queue, agent) group, and how many were resolved on first contact.</summary>
public sealed record KpiTicketSums(DateTimeOffset IntervalStart, string Queue, string Agent, long Opened, long ResolvedFirstContact);
