using System.Globalization;
using System.Security.Cryptography;
using Appliance.Core.Complaints.Internal;
using Appliance.Core.Journal;
using Appliance.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Complaints;

/// <summary>
/// Opens and changes complaint tickets: the repeat check, dispatch with the category's department and deadline, the
/// status flow, the satisfaction score and the callback that is due on resolve. Every change is checked before
/// anything is stored, so a refused change (wrong status, stale revision, bad value) changes nothing.
/// Called from the control and agent APIs, never from the media loop (it writes SQLite synchronously).
/// </summary>
public sealed class ComplaintService(
    ComplaintTicketRepository tickets, IOptions<ComplaintsOptions> options, ICallJournal journal, TimeProvider time,
    ILogger<ComplaintService> logger, string branch, IComplaintCallbacks? callbacks = null)
{
    private readonly ComplaintsOptions _options = options.Value;
    private readonly ComplaintRules _rules = new(options.Value);

    /// <summary>Opens a ticket in status new, linked to the customer's earlier complaint of the same category if there is one.</summary>
    /// <exception cref="ComplaintException">A value is missing or wrong; nothing was stored.</exception>
    public ComplaintTicketRecord Create(NewComplaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return Guard(() =>
        {
            ComplaintRules.CheckNew(complaint);
            var now = time.GetUtcNow();
            var earlier = tickets.FindRecent(complaint.CustomerNumber, complaint.Category, now.AddDays(-_options.RepeatWindowDays));
            var record = new ComplaintTicketRecord(
                new TicketRecord(NewId(now), branch, complaint.Category, ComplaintStatuses.New, complaint.MaskedAccount,
                    Notes: complaint.Description, CallId: complaint.CallId),
                complaint.SubCategory, complaint.CustomerNumber, complaint.CustomerName, complaint.Channel, RepeatOf: earlier?.Id);
            var stored = tickets.Create(record, complaint.Actor, earlier is null ? "opened" : $"opened (repeat of {earlier.Id})");
            journal.Append(ComplaintEvents.Of(stored, CallEventKinds.TicketCreated, now,
                new { ticket = stored.Id, category = complaint.Category, repeatOf = earlier?.Id }));
            ComplaintLog.Created(logger, stored.Id, complaint.Category, complaint.Actor, complaint.CallId, earlier?.Id);
            return stored;
        });
    }

    /// <summary>Applies <paramref name="change"/> if it is based on the stored revision and its status change is allowed.</summary>
    /// <exception cref="ComplaintException">Invalid, NotFound or StaleRevision; nothing was stored.</exception>
    public ComplaintTicketRecord Update(ComplaintChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Guard(() =>
        {
            var current = tickets.Get(change.Id)
                ?? throw new ComplaintException(ComplaintFailure.NotFound, $"ticket '{change.Id}': no complaint ticket with this id exists; nothing was changed");
            ComplaintRules.CheckRevision(current, change.BasedOnRevision);
            var now = time.GetUtcNow();
            var (next, what) = _rules.Apply(current, change, now);
            var stored = tickets.Update(next, change.Actor, what);
            var from = current.Ticket.Status;
            var to = stored.Ticket.Status;
            if (from != to)
            {
                journal.Append(ComplaintEvents.Of(stored, CallEventKinds.TicketChanged, now,
                    new { ticket = stored.Id, from, to, revision = stored.Revision, by = change.Actor }));
                ComplaintLog.Changed(logger, stored.Id, from, to, change.Actor, stored.Revision);
            }

            if (to == ComplaintStatuses.Resolved && from != to)
            {
                journal.Append(ComplaintEvents.Of(stored, CallEventKinds.TicketCallbackDue, now, new { ticket = stored.Id }));
                ComplaintLog.CallbackDue(logger, stored.Id);
                callbacks?.Queue(stored);
            }

            return stored;
        });
    }

    /// <summary>The complaint, or null.</summary>
    public ComplaintTicketRecord? Get(string id) => tickets.Get(id);

    /// <summary>The newest complaints, optionally of one status.</summary>
    public IReadOnlyList<ComplaintTicketRecord> List(string? status, int limit) => tickets.List(status, limit);

    /// <summary>Who changed the ticket, when, and how.</summary>
    public IReadOnlyList<TicketHistoryEntry> History(string id) => tickets.History(id);

    private static string NewId(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"CT-{now:yyyyMMdd}-{RandomNumberGenerator.GetHexString(8)}");

    // Storage's own refusals (a full card number, a stale revision that raced past the check) become ours.
    private T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (StorageException ex) when (ex.Failure is StorageFailure.InvalidRecord or StorageFailure.Conflict)
        {
            var failure = ex.Failure == StorageFailure.Conflict ? ComplaintFailure.StaleRevision : ComplaintFailure.Invalid;
            ComplaintLog.Refused(logger, failure, ex.Message);
            throw new ComplaintException(failure, ex.Message);
        }
        catch (ComplaintException ex)
        {
            ComplaintLog.Refused(logger, ex.Failure, ex.Message);
            throw;
        }
    }
}
