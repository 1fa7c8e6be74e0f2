namespace Appliance.Storage;

/// <summary>
/// A complaint ticket as stored: the generic ticket (category in <see cref="TicketRecord.Type"/>, description in
/// <see cref="TicketRecord.Notes"/>, the revision) and the complaint's own fields. The repository sets the timestamps
/// and the revision.
/// </summary>
/// <param name="Ticket">The generic ticket row that head office receives.</param>
/// <param name="SubCategory">The sub-category within the category, or empty.</param>
/// <param name="CustomerNumber">The caller's phone number (never a card number).</param>
/// <param name="CustomerName">The customer's name, or empty.</param>
/// <param name="Channel">How the complaint came in, e.g. "phone".</param>
/// <param name="Department">The department it was dispatched to, once dispatched.</param>
/// <param name="DeadlineAt">When the department must have answered, once dispatched.</param>
/// <param name="EscalationLevel">0, and +1 each time the deadline passed unanswered.</param>
/// <param name="RepeatOf">The earlier ticket of the same customer and category, if this is a repeat complaint.</param>
/// <param name="Satisfaction">The customer's score 1-5, given at confirmation.</param>
/// <param name="CallbackDueAt">When a callback to tell the customer the outcome became due (set on resolve).</param>
public sealed record ComplaintTicketRecord(
    TicketRecord Ticket,
    string SubCategory,
    string CustomerNumber,
    string CustomerName,
    string Channel,
    string? Department = null,
    DateTimeOffset? DeadlineAt = null,
    int EscalationLevel = 0,
    string? RepeatOf = null,
    int? Satisfaction = null,
    DateTimeOffset? CallbackDueAt = null)
{
    /// <summary>The ticket id.</summary>
    public string Id => Ticket.Id;

    /// <summary>The stored revision.</summary>
    public int Revision => Ticket.Revision;
}
