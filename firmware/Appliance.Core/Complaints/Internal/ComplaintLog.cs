using Microsoft.Extensions.Logging;

namespace Appliance.Core.Complaints.Internal;

/// <summary>Complaint ticket log lines (event ids 3120-3126 of the range 3100-3149; the SIP transaction log already used 3100-3105). Customer numbers and accounts are never logged.</summary>
internal static partial class ComplaintLog
{
    [LoggerMessage(EventId = 3120, Level = LogLevel.Information, Message = "Complaint {TicketId} opened in {Category} by {Actor} (call {CallId}, repeat of {RepeatOf})")]
    public static partial void Created(ILogger logger, string ticketId, string category, string actor, string? callId, string? repeatOf);

    [LoggerMessage(EventId = 3121, Level = LogLevel.Information, Message = "Complaint {TicketId} changed from {From} to {To} by {Actor} (revision {Revision})")]
    public static partial void Changed(ILogger logger, string ticketId, string from, string to, string actor, int revision);

    [LoggerMessage(EventId = 3122, Level = LogLevel.Warning, Message = "Complaint change refused ({Failure}): {Reason}")]
    public static partial void Refused(ILogger logger, ComplaintFailure failure, string reason);

    [LoggerMessage(EventId = 3123, Level = LogLevel.Warning, Message = "Complaint {TicketId} is overdue at {Department} (deadline {Deadline}); escalated to level {Level}")]
    public static partial void Escalated(ILogger logger, string ticketId, string? department, DateTimeOffset deadline, int level);

    [LoggerMessage(EventId = 3124, Level = LogLevel.Information, Message = "Complaint {TicketId} resolved: a callback to the customer is due")]
    public static partial void CallbackDue(ILogger logger, string ticketId);

    [LoggerMessage(EventId = 3125, Level = LogLevel.Information, Message = "Complaint {TicketId} changed while being escalated; the chase retries it next round")]
    public static partial void ChaseRaced(ILogger logger, string ticketId);

    [LoggerMessage(EventId = 3126, Level = LogLevel.Error, Message = "The complaint chase round failed; it retries at the next interval")]
    public static partial void ChaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3136, Level = LogLevel.Information, Message = "Complaint {TicketId} resolved: callback {CallbackId} queued in {Queue}")]
    public static partial void CallbackQueued(ILogger logger, string ticketId, string callbackId, string queue);

    [LoggerMessage(EventId = 3137, Level = LogLevel.Warning, Message = "Complaint {TicketId} resolved but no callback was queued: {Reason}")]
    public static partial void CallbackNotQueued(ILogger logger, string ticketId, string reason);
}
