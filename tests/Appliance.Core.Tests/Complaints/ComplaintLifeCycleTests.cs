using Appliance.Core.Complaints;
using Appliance.Core.Journal;
using static Appliance.Core.Tests.Complaints.ComplaintHarness;

namespace Appliance.Core.Tests.Complaints;

/// <summary>The complaint status flow on the manual clock, over a real SQLite file.</summary>
public sealed class ComplaintLifeCycleTests : IDisposable
{
    private readonly ComplaintHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void A_complaint_goes_from_new_to_closed_with_dispatch_callback_and_score_and_keeps_its_history()
    {
        var ticket = _h.Service.Create(Complaint());
        Assert.Equal((ComplaintStatuses.New, 1, "b01", "card-fee", "annual-fee"), (ticket.Ticket.Status, ticket.Revision, ticket.Ticket.Branch, ticket.Ticket.Type, ticket.SubCategory));
        Assert.Null(ticket.RepeatOf);

        var dispatchedAt = _h.Time.GetUtcNow();
        ticket = _h.Move(ticket, ComplaintStatuses.Dispatched);
        Assert.Equal("cards", ticket.Department);
        Assert.Equal(dispatchedAt.AddHours(48), ticket.DeadlineAt);

        _h.Time.Advance(TimeSpan.FromHours(2));
        ticket = _h.Move(ticket, ComplaintStatuses.InProgress);
        ticket = _h.Move(ticket, ComplaintStatuses.Resolved);
        Assert.Equal(_h.Time.GetUtcNow(), ticket.CallbackDueAt);
        Assert.Null(ticket.DeadlineAt);
        ticket = _h.Move(ticket, ComplaintStatuses.Confirmed, satisfaction: 4);
        ticket = _h.Move(ticket, ComplaintStatuses.Closed);

        var stored = _h.Service.Get(ticket.Id)!;
        Assert.Equal((ComplaintStatuses.Closed, 6, 4), (stored.Ticket.Status, stored.Revision, stored.Satisfaction));
        Assert.Equal(["opened", "new -> dispatched", "dispatched -> in-progress", "in-progress -> resolved", "resolved -> confirmed", "confirmed -> closed"],
            _h.Service.History(ticket.Id).Select(h => h.Change));
        Assert.Equal(6, _h.OutboxCount());
        Assert.Equal(
            [CallEventKinds.TicketCreated, CallEventKinds.TicketChanged, CallEventKinds.TicketChanged, CallEventKinds.TicketChanged,
             CallEventKinds.TicketCallbackDue, CallEventKinds.TicketChanged, CallEventKinds.TicketChanged],
            _h.Journal.KindsFor("call-1"));
        Assert.DoesNotContain(_h.Journal.Events, e => e.Data!.Contains("13900000001", StringComparison.Ordinal) || e.Data.Contains("1234", StringComparison.Ordinal));
    }

    [Fact]
    public void A_closed_complaint_can_be_reopened_which_clears_the_score_and_sets_a_new_deadline()
    {
        var ticket = _h.Service.Create(Complaint());
        ticket = _h.Move(ticket, ComplaintStatuses.Resolved); // solved on the call
        ticket = _h.Move(ticket, ComplaintStatuses.Confirmed, satisfaction: 2);
        ticket = _h.Move(ticket, ComplaintStatuses.Closed);

        ticket = _h.Move(ticket, ComplaintStatuses.Reopened);

        Assert.Equal((ComplaintStatuses.Reopened, (int?)null, (DateTimeOffset?)null), (ticket.Ticket.Status, ticket.Satisfaction, ticket.CallbackDueAt));
        Assert.Equal(_h.Time.GetUtcNow().AddHours(48), ticket.DeadlineAt);
        ticket = _h.Move(ticket, ComplaintStatuses.Dispatched);
        Assert.Equal((ComplaintStatuses.Dispatched, 6), (ticket.Ticket.Status, ticket.Revision));
    }

    [Theory]
    [InlineData(ComplaintStatuses.Closed, null, "cannot go from new to closed")]
    [InlineData(ComplaintStatuses.Confirmed, null, "cannot go from new to confirmed")]
    [InlineData("done", null, "status 'done' is unknown")]
    [InlineData(ComplaintStatuses.Dispatched, 5, "satisfaction score is given only when confirming")]
    public void A_refused_change_names_the_problem_and_changes_nothing(string status, int? satisfaction, string expected)
    {
        var ticket = _h.Service.Create(Complaint());

        var refused = Assert.Throws<ComplaintException>(() => _h.Move(ticket, status, satisfaction));

        Assert.Equal(ComplaintFailure.Invalid, refused.Failure);
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.Equal((ComplaintStatuses.New, 1), (_h.Service.Get(ticket.Id)!.Ticket.Status, _h.Service.Get(ticket.Id)!.Revision));
        Assert.Equal(1, _h.OutboxCount());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(6)]
    public void Confirming_needs_a_score_from_1_to_5(int? score)
    {
        var ticket = _h.Move(_h.Service.Create(Complaint()), ComplaintStatuses.Resolved);

        var refused = Assert.Throws<ComplaintException>(() => _h.Move(ticket, ComplaintStatuses.Confirmed, score));

        Assert.Contains("satisfaction score 1-5", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ComplaintStatuses.Resolved, _h.Service.Get(ticket.Id)!.Ticket.Status);
    }

    [Fact]
    public void An_update_based_on_a_stale_revision_is_refused_and_changes_nothing()
    {
        var read = _h.Service.Create(Complaint());
        _h.Move(read, ComplaintStatuses.Dispatched); // someone else, based on revision 1

        var refused = Assert.Throws<ComplaintException>(() => _h.Move(read, ComplaintStatuses.Resolved));

        Assert.Equal(ComplaintFailure.StaleRevision, refused.Failure);
        Assert.Contains("based on revision 1 but the ticket is at revision 2", refused.Message, StringComparison.Ordinal);
        var stored = _h.Service.Get(read.Id)!;
        Assert.Equal((ComplaintStatuses.Dispatched, 2, (DateTimeOffset?)null), (stored.Ticket.Status, stored.Revision, stored.CallbackDueAt));
        Assert.Equal(2, _h.OutboxCount());
    }

    [Fact]
    public void A_complaint_of_the_same_customer_and_category_within_the_window_links_the_earlier_ticket()
    {
        var first = _h.Service.Create(Complaint());
        _h.Time.Advance(TimeSpan.FromDays(29));

        var repeat = _h.Service.Create(Complaint());
        var otherCategory = _h.Service.Create(Complaint(category: "atm"));
        var otherCustomer = _h.Service.Create(Complaint(customer: "13900000002"));

        Assert.Equal(first.Id, repeat.RepeatOf);
        Assert.Null(otherCategory.RepeatOf);
        Assert.Null(otherCustomer.RepeatOf);
        Assert.Contains(_h.Journal.Events, e => e.Kind == CallEventKinds.TicketCreated && e.Data!.Contains($"\"repeatOf\":\"{first.Id}\"", StringComparison.Ordinal));

        _h.Time.Advance(TimeSpan.FromDays(31));
        Assert.Null(_h.Service.Create(Complaint(category: "atm")).RepeatOf);
    }

    [Fact]
    public void A_full_card_number_instead_of_a_masked_account_is_refused_without_echoing_it()
    {
        var refused = Assert.Throws<ComplaintException>(() => _h.Service.Create(Complaint() with { MaskedAccount = "6222021234567891234" }));

        Assert.Equal(ComplaintFailure.Invalid, refused.Failure);
        Assert.DoesNotContain("6222021234567891234", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_h.Service.List(null, 10));
        Assert.Equal(0, _h.OutboxCount());
    }
}
