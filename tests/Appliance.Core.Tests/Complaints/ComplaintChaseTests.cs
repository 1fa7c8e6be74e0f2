using Appliance.Core.Complaints;
using Appliance.Core.Journal;
using Microsoft.Extensions.Logging.Abstractions;
using static Appliance.Core.Tests.Complaints.ComplaintHarness;

namespace Appliance.Core.Tests.Complaints;

/// <summary>The overdue chase on the manual clock: reminder and escalation when a deadline passes, again when the next one does.</summary>
public sealed class ComplaintChaseTests : IDisposable
{
    private readonly ComplaintHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void A_dispatched_ticket_past_its_deadline_gets_a_reminder_and_is_escalated_each_time_a_deadline_passes()
    {
        var ticket = _h.Move(_h.Service.Create(Complaint()), ComplaintStatuses.Dispatched); // card-fee: 48 h
        var resolvedOne = _h.Move(_h.Move(_h.Service.Create(Complaint(customer: "13900000009")), ComplaintStatuses.Dispatched), ComplaintStatuses.Resolved);

        _h.Time.Advance(TimeSpan.FromHours(47));
        Assert.Equal(0, _h.Chase.ChaseOnce());

        _h.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, _h.Chase.ChaseOnce());
        var escalated = _h.Service.Get(ticket.Id)!;
        Assert.Equal((1, _h.Time.GetUtcNow().AddHours(24), ComplaintStatuses.Dispatched), (escalated.EscalationLevel, escalated.DeadlineAt, escalated.Ticket.Status));
        Assert.Equal([CallEventKinds.TicketReminder, CallEventKinds.TicketEscalated],
            _h.Journal.Events.Where(e => e.Kind is CallEventKinds.TicketReminder or CallEventKinds.TicketEscalated).Select(e => e.Kind));
        Assert.Equal(0, _h.Chase.ChaseOnce()); // not again until the new deadline

        _h.Time.Advance(TimeSpan.FromHours(24));
        Assert.Equal(1, _h.Chase.ChaseOnce());
        Assert.Equal(2, _h.Service.Get(ticket.Id)!.EscalationLevel);
        Assert.Equal(0, _h.Service.Get(resolvedOne.Id)!.EscalationLevel);
        Assert.Equal("overdue since 2026-01-07 09:00:00Z: escalated to level 1", _h.Service.History(ticket.Id)[2].Change);

        // An agent working from the revision read before the escalation is refused, not silently overwriting it.
        var stale = Assert.Throws<ComplaintException>(() => _h.Move(escalated, ComplaintStatuses.InProgress));
        Assert.Equal(ComplaintFailure.StaleRevision, stale.Failure);
    }

    [Fact]
    public async Task The_background_chase_escalates_on_its_timer_when_the_clock_passes_the_deadline()
    {
        var ticket = _h.Move(_h.Service.Create(Complaint()), ComplaintStatuses.Dispatched);
        var journal = new SignallingJournal(_h.Journal, CallEventKinds.TicketEscalated);
        using var chase = new ComplaintChase(_h.Repository, _h.Options, journal, _h.Time, NullLogger<ComplaintChase>.Instance);
        await chase.StartAsync(CancellationToken.None);

        _h.Time.Advance(TimeSpan.FromHours(48) - TimeSpan.FromSeconds(1));
        Assert.False(journal.Seen.IsCompleted); // ticks before the deadline escalate nothing
        _h.Time.Advance(TimeSpan.FromMinutes(1));

        // The tick runs on the thread pool: await its event (bounded only so a broken chase fails instead of hanging).
        var escalated = await journal.Seen.WaitAsync(TimeSpan.FromSeconds(10));
        await chase.StopAsync(CancellationToken.None);
        Assert.Contains(ticket.Id, escalated.Data, StringComparison.Ordinal);
        Assert.Equal(1, _h.Service.Get(ticket.Id)!.EscalationLevel);
    }
}
