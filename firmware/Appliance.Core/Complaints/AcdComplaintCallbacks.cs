using System.Text.Json;
using Appliance.Core.Acd;
using Appliance.Core.Acd.Callbacks;
using Appliance.Core.Complaints.Internal;
using Appliance.Core.Journal;
using Appliance.Core.Routing;
using Appliance.Storage;
using Appliance.Telephony.Clock;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Complaints;

/// <summary>
/// Resolved complaints become callbacks in <see cref="ComplaintsOptions.CallbackQueue"/>, through the ACD's callback
/// machinery (agent first, the queue's attempts and retry intervals, stored across restarts). The callback is handed to
/// the media loop by a post, so resolving a ticket never waits on it.
/// </summary>
public sealed class AcdComplaintCallbacks(
    MediaClock clock, AcdService acd, ICallJournal journal, IOptions<ComplaintsOptions> options, ILogger<AcdComplaintCallbacks> logger)
    : IComplaintCallbacks
{
    /// <inheritdoc />
    public void Queue(ComplaintTicketRecord ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var settings = options.Value;
        if (settings.CallbackQueue.Length == 0 || ticket.CustomerNumber.Length == 0)
        {
            ComplaintLog.CallbackNotQueued(logger, ticket.Id, settings.CallbackQueue.Length == 0 ? "no Complaints:CallbackQueue is set" : "the ticket has no customer number");
            return;
        }

        var now = clock.Time.GetUtcNow();
        var callback = new PendingCallback(CallIds.New(now), ticket.Ticket.CallId ?? ticket.Id, settings.CallbackQueue, ticket.CustomerNumber,
            settings.CallbackLanguage, 0, now, now) { RetryAt = now };
        clock.Post(() => acd.QueueCallback(callback, journal));
        journal.Append(ComplaintEvents.Of(ticket, CallEventKinds.TicketCallbackQueued, now,
            new { ticket = ticket.Id, callback = callback.Id, queue = callback.Queue }));
        ComplaintLog.CallbackQueued(logger, ticket.Id, callback.Id, callback.Queue);
    }
}
