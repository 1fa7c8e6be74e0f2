using Microsoft.Extensions.Logging;

namespace Appliance.Core.Complaints.TicketSync.Internal;

/// <summary>Log lines of pulling head office's ticket changes (event ids 3130-3135). No customer data.</summary>
internal static partial class TicketSyncLog
{
    [LoggerMessage(EventId = 3130, Level = LogLevel.Information,
        Message = "Head office change {ChangeId} applied to ticket {TicketId}: now revision {Revision}, status {Status}")]
    public static partial void Applied(ILogger logger, long changeId, string ticketId, int revision, string status);

    [LoggerMessage(EventId = 3131, Level = LogLevel.Warning,
        Message = "Head office change {ChangeId} to ticket {TicketId} (on revision {BasedOn}, box at {BoxRevision}) kept as a conflict: {Reason}")]
    public static partial void Conflict(ILogger logger, long changeId, string ticketId, int basedOn, int? boxRevision, string reason);

    [LoggerMessage(EventId = 3132, Level = LogLevel.Debug, Message = "Head office change {ChangeId} to ticket {TicketId} was applied before")]
    public static partial void AlreadyApplied(ILogger logger, long changeId, string ticketId);

    [LoggerMessage(EventId = 3133, Level = LogLevel.Warning, Message = "Pulling ticket changes from head office failed; retrying in {Seconds} s")]
    public static partial void PullFailed(ILogger logger, Exception exception, int seconds);

    [LoggerMessage(EventId = 3134, Level = LogLevel.Information, Message = "Pulling ticket changes from head office every {Seconds} s after change {Cursor}")]
    public static partial void Started(ILogger logger, int seconds, long cursor);

    [LoggerMessage(EventId = 3135, Level = LogLevel.Information, Message = "No head office configured: ticket changes are not pulled")]
    public static partial void Disabled(ILogger logger);
}
