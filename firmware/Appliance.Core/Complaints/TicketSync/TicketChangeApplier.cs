using System.Globalization;
using Appliance.Core.Complaints.TicketSync.Internal;
using Appliance.Core.Journal;
using Appliance.Storage;
using Microsoft.Extensions.Logging;

namespace Appliance.Core.Complaints.TicketSync;

/// <summary>
/// Applies head office's changes last-writer-by-revision through <see cref="ComplaintService"/>: a change based on the
/// ticket's current revision goes through the usual rules (and becomes revision + 1, with its own outbox entry back to
/// head office). A change based on an older revision means both sides changed the same revision: the box's version
/// wins (see README, "Two-way tickets") and head office's is kept in ticket_conflicts, with an event and a warning.
/// A change the box's rules refuse is kept the same way. Nothing is ever dropped.
/// </summary>
public sealed class TicketChangeApplier(
    ComplaintService complaints, TicketSyncRepository store, ICallJournal journal, TimeProvider time, ILogger<TicketChangeApplier> logger)
{
    /// <summary>The actor a head-office change is recorded under in the ticket's history; the change id makes a repeat detectable.</summary>
    public static string ActorOf(PulledTicketChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return string.Create(CultureInfo.InvariantCulture, $"headoffice:{change.Actor}#{change.ChangeId}");
    }

    /// <summary>Applies or sets aside <paramref name="change"/>, and moves the pull cursor past it.</summary>
    /// <exception cref="StorageException">The database failed; the cursor did not move, so the next pull retries it.</exception>
    public TicketChangeOutcome Apply(PulledTicketChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var actor = ActorOf(change);
        var current = complaints.Get(change.TicketId);
        if (current is null)
        {
            return SetAside(change, null, "the box has no complaint ticket with this id");
        }

        if (current.Revision > change.BasedOnRevision && complaints.History(change.TicketId).Any(h => h.Actor == actor))
        {
            store.AdvanceCursor(change.ChangeId, time.GetUtcNow());
            TicketSyncLog.AlreadyApplied(logger, change.ChangeId, change.TicketId);
            return TicketChangeOutcome.AlreadyApplied;
        }

        if (current.Revision != change.BasedOnRevision)
        {
            return SetAside(change, current, string.Create(CultureInfo.InvariantCulture,
                $"the ticket was changed on the box since revision {change.BasedOnRevision} (now revision {current.Revision}, {current.Ticket.Status}); the box's version stays"));
        }

        ComplaintTicketRecord stored;
        try
        {
            stored = complaints.Update(new ComplaintChange(
                change.TicketId, change.BasedOnRevision, actor, Blank(change.Status), Blank(change.Department), Note: Blank(change.Note)));
        }
        catch (ComplaintException ex)
        {
            // A stale revision here is an agent's change racing this one; a refusal is the life-cycle rules saying no.
            return SetAside(change, complaints.Get(change.TicketId) ?? current,
                ex.Failure == ComplaintFailure.StaleRevision ? $"the ticket was changed on the box at the same time: {ex.Message}" : $"the box's rules refuse it: {ex.Message}");
        }

        store.AdvanceCursor(change.ChangeId, time.GetUtcNow());
        TicketSyncLog.Applied(logger, change.ChangeId, stored.Id, stored.Revision, stored.Ticket.Status);
        return TicketChangeOutcome.Applied;
    }

    private TicketChangeOutcome SetAside(PulledTicketChange change, ComplaintTicketRecord? box, string reason)
    {
        var now = time.GetUtcNow();
        var added = store.SetAside(new TicketConflictRecord(change.ChangeId, change.TicketId, change.BasedOnRevision, box?.Revision,
            box?.Ticket.Status, change.Status ?? string.Empty, change.Department ?? string.Empty, change.Note ?? string.Empty, change.Actor,
            change.ChangedAt, reason, now));
        if (added)
        {
            journal.Append(new CallEvent(now, box?.Ticket.CallId ?? "NONE", CallEventKinds.TicketConflict, null, null,
                System.Text.Json.JsonSerializer.Serialize(new
                {
                    ticket = change.TicketId, change = change.ChangeId, basedOn = change.BasedOnRevision, boxRevision = box?.Revision, reason,
                }, System.Text.Json.JsonSerializerOptions.Web)));
            TicketSyncLog.Conflict(logger, change.ChangeId, change.TicketId, change.BasedOnRevision, box?.Revision, reason);
        }

        return TicketChangeOutcome.Conflict;
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
