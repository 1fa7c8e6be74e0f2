using Appliance.HeadOffice.Tests.Support;
using Appliance.Sync.Contracts.Sync.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Appliance.HeadOffice.Tests.Tickets;

/// <summary>
/// Two-way tickets at head office: every complaint field stored, changes queued on the received revision and pulled by
/// their branch only, stale revisions refused (CLI included), and a change overtaken by the box kept for the box to set aside.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TicketDeskTests(PostgresServer postgres) : EnrolledBranchTests(postgres)
{
    [Fact]
    public async Task Every_complaint_field_is_stored_with_the_customer_masked()
    {
        await HeadOffice.PushAsync("branch-1", Key, [Complaint(1, "CT-1", "dispatched", revision: 2)]);

        Assert.Equal("annual-fee|*******0001|L*****|phone|cards|1|2|CT-0|0|1|callback", await HeadOffice.ScalarTextAsync(
            "SELECT concat_ws('|', sub_category, customer_number_masked, customer_name_masked, channel, department, escalation_level, revision, repeat_of, satisfaction, reopen_count, CASE WHEN callback_due_at IS NULL THEN 'none' ELSE 'callback' END) FROM tickets WHERE ticket_id = 'CT-1'"));
    }

    [Fact]
    public async Task A_resolve_is_queued_on_the_received_revision_and_only_its_branch_pulls_it()
    {
        var otherKey = await HeadOffice.EnrolAsync("branch-2");
        await HeadOffice.PushAsync("branch-1", Key, [Complaint(1, "CT-1", "dispatched", revision: 2)]);

        var run = await Cli("ticket", "resolve", "--branch", "branch-1", "--id", "CT-1", "--note", "fee refunded", "--actor", "cards-desk");

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Contains("on revision 2; the branch makes it revision 3", run.Output, StringComparison.Ordinal);
        var change = Assert.Single((await PullAsync("branch-1", Key, 0)).Changes);
        Assert.Equal(("CT-1", 2, "resolved", "fee refunded", "cards-desk"), (change.TicketId, change.BasedOnRevision, change.Status, change.Note, change.Actor));
        Assert.Empty((await PullAsync("branch-1", Key, change.ChangeId)).Changes);
        Assert.Empty((await PullAsync("branch-2", otherKey, 0)).Changes);
        var refused = await Assert.ThrowsAsync<RpcException>(() => PullAsync("branch-2", otherKey, 0, claimedBranch: "branch-1"));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        var show = await Cli("ticket", "show", "--branch", "branch-1", "--id", "CT-1");
        Assert.Contains("status dispatched\trevision 2", show.Output, StringComparison.Ordinal);
        Assert.Contains("pending changes 1", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_with_a_stale_revision_or_on_a_revision_already_changed_is_refused_and_stores_nothing()
    {
        await HeadOffice.PushAsync("branch-1", Key, [Complaint(1, "CT-1", "new", revision: 1), Complaint(2, "CT-1", "dispatched", revision: 2)]);

        var stale = await Cli("ticket", "update", "--branch", "branch-1", "--id", "CT-1", "--status", "in-progress", "--revision", "1");
        var unknown = await Cli("ticket", "update", "--branch", "branch-1", "--id", "CT-1", "--status", "fixed");
        var missing = await Cli("ticket", "resolve", "--branch", "branch-1", "--id", "CT-404");
        Assert.Equal(0, (await Cli("ticket", "update", "--branch", "branch-1", "--id", "CT-1", "--status", "in-progress")).ExitCode);
        var second = await Cli("ticket", "resolve", "--branch", "branch-1", "--id", "CT-1");

        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("based on revision 1 but head office holds revision 2", stale.Error, StringComparison.Ordinal);
        Assert.Contains("status 'fixed' is unknown", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("'CT-404'", missing.Error, StringComparison.Ordinal);
        Assert.Contains("has not come back from the branch yet", second.Error, StringComparison.Ordinal);
        Assert.Equal(1, await HeadOffice.CountAsync("SELECT COUNT(*) FROM ticket_changes"));
    }

    [Fact]
    public async Task A_change_the_box_overtook_stays_pullable_for_the_box_to_keep_and_a_new_one_goes_on_the_boxs_revision()
    {
        await HeadOffice.PushAsync("branch-1", Key, [Complaint(1, "CT-1", "dispatched", revision: 2)]);
        Assert.Equal(0, (await Cli("ticket", "resolve", "--branch", "branch-1", "--id", "CT-1")).ExitCode);

        // Meanwhile an agent on the box moved the ticket on from the same revision 2: both changed revision 2.
        await HeadOffice.PushAsync("branch-1", Key, [Complaint(2, "CT-1", "in-progress", revision: 3)]);

        Assert.Equal("in-progress/3", await HeadOffice.ScalarTextAsync("SELECT status || '/' || revision FROM tickets WHERE ticket_id = 'CT-1'"));
        Assert.Equal(2, Assert.Single((await PullAsync("branch-1", Key, 0)).Changes).BasedOnRevision); // the box sets it aside
        var again = await Cli("ticket", "resolve", "--branch", "branch-1", "--id", "CT-1");
        Assert.Contains("on revision 3", again.Output, StringComparison.Ordinal);
        Assert.Contains("pending changes 1", (await Cli("ticket", "show", "--branch", "branch-1", "--id", "CT-1")).Output, StringComparison.Ordinal);
    }

    private Task<CliRun> Cli(params string[] args) =>
        CliRun.RunAsync(new Dictionary<string, string?> { ["HEADOFFICE_DB"] = HeadOffice.ConnectionString }, args);

    private async Task<PullTicketChangesResponse> PullAsync(string branch, string key, long after, string? claimedBranch = null)
    {
        using var channel = HeadOffice.Channel();
        return await new SyncService.SyncServiceClient(channel).PullTicketChangesAsync(
            new PullTicketChangesRequest { BranchId = claimedBranch ?? branch, AfterChangeId = after }, HeadOfficeHarness.Credentials(branch, key));
    }

    private static SyncRecord Complaint(long sequence, string id, string status, int revision)
    {
        var record = TestRecords.Ticket(sequence, id, status);
        var ticket = TicketRecord.Parser.ParseFrom(record.Payload);
        ticket.SubCategory = "annual-fee";
        ticket.CustomerNumberMasked = "*******0001";
        ticket.CustomerNameMasked = "L*****";
        ticket.Channel = "phone";
        ticket.Department = "cards";
        ticket.EscalationLevel = 1;
        ticket.Revision = revision;
        ticket.RepeatOf = "CT-0";
        ticket.ReopenCount = 1;
        ticket.CallbackDueAt = ticket.UpdatedAt;
        record.Payload = ticket.ToByteString();
        return record;
    }
}
