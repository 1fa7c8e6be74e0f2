using Microsoft.Extensions.Logging;

namespace Appliance.HeadOffice.Tickets.Internal;

/// <summary>Log lines of head office's ticket desk (event ids 3140-3144).</summary>
internal static partial class TicketDeskLog
{
    [LoggerMessage(EventId = 3140, Level = LogLevel.Information,
        Message = "Head office change {ChangeId} queued for ticket {TicketId} of branch {BranchId} by {Actor}: status {Status} on revision {Revision}")]
    public static partial void Queued(ILogger logger, long changeId, string ticketId, string branchId, string actor, string status, int revision);

    [LoggerMessage(EventId = 3141, Level = LogLevel.Warning, Message = "Head office ticket change refused: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(EventId = 3142, Level = LogLevel.Debug, Message = "Branch {BranchId} pulled {Count} ticket changes after {After}")]
    public static partial void Pulled(ILogger logger, string branchId, int count, long after);
}
