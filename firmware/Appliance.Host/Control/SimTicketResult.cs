namespace Appliance.Host.Control;

/// <summary>What <c>POST /v1/sim/tickets</c> stored: the ids, in creation order, all committed with their outbox entries.</summary>
public sealed record SimTicketResult(IReadOnlyList<string> Created);
