namespace Appliance.Storage;

/// <summary>One change of a complaint ticket: the revision it produced, when, who, and what changed.</summary>
public sealed record TicketHistoryEntry(string TicketId, int Revision, DateTimeOffset At, string Actor, string Change);
