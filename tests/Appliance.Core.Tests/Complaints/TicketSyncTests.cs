using Appliance.Core.Complaints;
using Appliance.Core.Complaints.TicketSync;
using Appliance.Core.Journal;
using Appliance.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Appliance.Core.Tests.Complaints.ComplaintHarness;

namespace Appliance.Core.Tests.Complaints;

/// <summary>Head office's ticket changes applied on the box: by revision, conflicts kept whole, repeats not applied twice.</summary>
public sealed class TicketSyncTests : IDisposable
{
    private readonly ComplaintHarness _h = new();
    private readonly TicketSyncRepository _store;
    private readonly TicketChangeApplier _applier;
    private readonly ScriptedSource _source = new();

    public TicketSyncTests()
    {
        _store = new TicketSyncRepository(_h.Database);
        _applier = new TicketChangeApplier(_h.Service, _store, _h.Journal, _h.Time, NullLogger<TicketChangeApplier>.Instance);
    }

    public void Dispose() => _h.Dispose();

    [Fact]
    public void A_head_office_resolve_on_the_current_revision_is_applied_as_the_next_revision_and_goes_back_out_in_the_outbox()
    {
        var ticket = _h.Move(_h.Service.Create(Complaint()), ComplaintStatuses.Dispatched); // revision 2
        var outbox = _h.OutboxCount();

        var outcome = _applier.Apply(Change(7, ticket.Id, basedOn: 2, ComplaintStatuses.Resolved, note: "refunded the fee"));

        Assert.Equal(TicketChangeOutcome.Applied, outcome);
        var stored = _h.Service.Get(ticket.Id)!;
        Assert.Equal((ComplaintStatuses.Resolved, 3), (stored.Ticket.Status, stored.Revision));
        Assert.EndsWith("refunded the fee", stored.Ticket.Notes, StringComparison.Ordinal);
        Assert.Equal("headoffice:cards-desk#7", _h.Service.History(ticket.Id)[^1].Actor);
        Assert.Equal(outbox + 1, _h.OutboxCount());
        Assert.Equal(7, _store.GetCursor());
        Assert.Contains(_h.Journal.Events, e => e.Kind == CallEventKinds.TicketCallbackDue);
        Assert.Empty(_store.ListConflicts(null, 10));
    }

    [Fact]
    public void When_both_sides_changed_the_same_revision_the_box_wins_and_head_offices_version_is_kept_as_a_conflict()
    {
        var ticket = _h.Move(_h.Service.Create(Complaint()), ComplaintStatuses.Dispatched); // revision 2, sent to head office
        _h.Move(_h.Service.Get(ticket.Id)!, ComplaintStatuses.InProgress);                   // revision 3 on the box

        var outcome = _applier.Apply(Change(8, ticket.Id, basedOn: 2, ComplaintStatuses.Resolved, note: "fee waived"));

        Assert.Equal(TicketChangeOutcome.Conflict, outcome);
        var stored = _h.Service.Get(ticket.Id)!;
        Assert.Equal((ComplaintStatuses.InProgress, 3), (stored.Ticket.Status, stored.Revision));
        var conflict = Assert.Single(_store.ListConflicts(ticket.Id, 10));
        Assert.Equal((8L, 2, 3, ComplaintStatuses.InProgress, ComplaintStatuses.Resolved, "fee waived", "cards-desk"),
            (conflict.ChangeId, conflict.BasedOnRevision, conflict.BoxRevision, conflict.BoxStatus, conflict.HeadOfficeStatus, conflict.HeadOfficeNote, conflict.HeadOfficeActor));
        Assert.Contains("changed on the box since revision 2", conflict.Reason, StringComparison.Ordinal);
        var e = Assert.Single(_h.Journal.Events, e => e.Kind == CallEventKinds.TicketConflict);
        Assert.Contains(ticket.Id, e.Data, StringComparison.Ordinal);
        Assert.Equal(8, _store.GetCursor());

        // Pulled again (the cursor lost in a crash): kept once, no second event.
        Assert.Equal(TicketChangeOutcome.Conflict, _applier.Apply(Change(8, ticket.Id, basedOn: 2, ComplaintStatuses.Resolved, note: "fee waived")));
        Assert.Single(_store.ListConflicts(ticket.Id, 10));
        Assert.Single(_h.Journal.Events, e => e.Kind == CallEventKinds.TicketConflict);
    }

    [Fact]
    public void A_change_the_life_cycle_refuses_or_for_an_unknown_ticket_is_kept_with_the_reason_and_changes_nothing()
    {
        var ticket = _h.Service.Create(Complaint()); // new, revision 1

        Assert.Equal(TicketChangeOutcome.Conflict, _applier.Apply(Change(3, ticket.Id, basedOn: 1, ComplaintStatuses.Closed)));
        Assert.Equal(TicketChangeOutcome.Conflict, _applier.Apply(Change(4, "CT-nope", basedOn: 1, ComplaintStatuses.Resolved)));

        Assert.Equal((ComplaintStatuses.New, 1), (_h.Service.Get(ticket.Id)!.Ticket.Status, _h.Service.Get(ticket.Id)!.Revision));
        var conflicts = _store.ListConflicts(null, 10);
        Assert.Contains("cannot go from new to closed", conflicts.Single(c => c.ChangeId == 3).Reason, StringComparison.Ordinal);
        Assert.Contains("no complaint ticket with this id", conflicts.Single(c => c.ChangeId == 4).Reason, StringComparison.Ordinal);
        Assert.Null(conflicts.Single(c => c.ChangeId == 4).BoxRevision);
        Assert.Equal(4, _store.GetCursor());
    }

    [Fact]
    public void A_change_pulled_again_after_it_was_applied_is_not_applied_twice()
    {
        var ticket = _h.Move(_h.Service.Create(Complaint()), ComplaintStatuses.Dispatched);
        var change = Change(5, ticket.Id, basedOn: 2, ComplaintStatuses.Resolved);
        _applier.Apply(change);

        Assert.Equal(TicketChangeOutcome.AlreadyApplied, _applier.Apply(change));
        Assert.Equal(3, _h.Service.Get(ticket.Id)!.Revision);
        Assert.Empty(_store.ListConflicts(null, 10));
    }

    [Fact]
    public async Task The_puller_asks_after_its_cursor_on_its_timer_and_applies_what_head_office_changed()
    {
        var ticket = _h.Move(_h.Service.Create(Complaint()), ComplaintStatuses.Dispatched);
        _source.Changes.Add(Change(11, ticket.Id, basedOn: 2, ComplaintStatuses.Resolved));
        var journal = new SignallingJournal(_h.Journal, CallEventKinds.TicketCallbackDue);
        var service = new ComplaintService(_h.Repository, _h.Options, journal, _h.Time, NullLogger<ComplaintService>.Instance, "b01");
        var applier = new TicketChangeApplier(service, _store, journal, _h.Time, NullLogger<TicketChangeApplier>.Instance);
        using var puller = new TicketChangePuller(_source, applier, _store,
            Options.Create(new TicketSyncOptions { PullIntervalSeconds = 30, MaxChangesPerPull = 10 }), _h.Time, NullLogger<TicketChangePuller>.Instance);
        await puller.StartAsync(CancellationToken.None);
        _h.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(_source.Afters);

        _h.Time.Advance(TimeSpan.FromSeconds(1));
        await journal.Seen.WaitAsync(TimeSpan.FromSeconds(10)); // the resolve's event: bounded so a broken loop fails, not hangs
        await puller.StopAsync(CancellationToken.None);

        Assert.Equal(ComplaintStatuses.Resolved, _h.Service.Get(ticket.Id)!.Ticket.Status);
        Assert.Equal(11, _store.GetCursor());
        Assert.Equal(0, await puller.PullOnceAsync(CancellationToken.None)); // nothing after 11
        Assert.Equal([0L, 11L], _source.Afters);
    }

    private PulledTicketChange Change(long id, string ticket, int basedOn, string? status, string? note = null) =>
        new(id, ticket, basedOn, status, null, note, "cards-desk", _h.Time.GetUtcNow());

    private sealed class ScriptedSource : ITicketChangeSource
    {
        public List<PulledTicketChange> Changes { get; } = [];

        public List<long> Afters { get; } = [];

        public Task<IReadOnlyList<PulledTicketChange>> PullAsync(long afterChangeId, int max, CancellationToken cancellationToken)
        {
            lock (Afters)
            {
                Afters.Add(afterChangeId);
            }

            IReadOnlyList<PulledTicketChange> changes = Changes.Where(c => c.ChangeId > afterChangeId).Take(max).ToList();
            return Task.FromResult(changes);
        }
    }
}
