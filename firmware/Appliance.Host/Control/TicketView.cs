using Appliance.Storage;

namespace Appliance.Host.Control;

/// <summary>A complaint ticket as the control and agent APIs show it.</summary>
public sealed record TicketView(
    string Id,
    string Branch,
    string Status,
    int Revision,
    string Category,
    string SubCategory,
    string CustomerNumber,
    string CustomerName,
    string? MaskedAccount,
    string Channel,
    string Description,
    string? CallId,
    string? Department,
    DateTimeOffset? DeadlineAt,
    int EscalationLevel,
    string? RepeatOf,
    int? Satisfaction,
    DateTimeOffset? CallbackDueAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The view of a stored complaint.</summary>
    public static TicketView From(ComplaintTicketRecord c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var t = c.Ticket;
        return new(t.Id, t.Branch, t.Status, t.Revision, t.Type, c.SubCategory, c.CustomerNumber, c.CustomerName, t.MaskedAccount,
            c.Channel, t.Notes, t.CallId, c.Department, c.DeadlineAt, c.EscalationLevel, c.RepeatOf, c.Satisfaction, c.CallbackDueAt,
            t.CreatedAt, t.UpdatedAt);
    }
}
