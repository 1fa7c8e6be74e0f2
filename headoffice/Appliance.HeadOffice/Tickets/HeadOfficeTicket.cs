namespace Appliance.HeadOffice.Tickets;

/// <summary>A ticket as head office last received it from its branch.</summary>
public sealed record HeadOfficeTicket(
    string BranchId, string TicketId, string Category, string SubCategory, string Status, int Revision, string Department,
    int EscalationLevel, string CustomerNumberMasked, int Satisfaction, int ReopenCount, int PendingChanges);
