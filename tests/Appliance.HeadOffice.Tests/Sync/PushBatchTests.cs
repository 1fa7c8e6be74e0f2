using Appliance.HeadOffice.Tests.Support;
using Appliance.Sync.Contracts.Sync.V1;

namespace Appliance.HeadOffice.Tests.Sync;

[Collection(PostgresCollection.Name)]
public sealed class PushBatchTests(PostgresServer postgres) : EnrolledBranchTests(postgres)
{
    [Fact]
    public async Task A_batch_is_applied_into_tickets_transactions_and_call_summaries()
    {
        var response = await HeadOffice.PushAsync("branch-1", Key, TestRecords.Mixed(0, 30));

        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"r{i}"), response.AcknowledgedKeys);
        Assert.Empty(response.Rejected);
        Assert.Equal(30, await HeadOffice.CountAsync("SELECT COUNT(*) FROM applied_records WHERE branch_id = 'branch-1'"));
        Assert.Equal(10, await HeadOffice.CountAsync("SELECT COUNT(*) FROM tickets"));
        Assert.Equal(10, await HeadOffice.CountAsync("SELECT COUNT(*) FROM transactions"));
        Assert.Equal(10, await HeadOffice.CountAsync("SELECT COUNT(*) FROM call_summaries"));
        Assert.Equal(12_345, await HeadOffice.CountAsync("SELECT amount_minor_units FROM transactions WHERE transaction_id = 'X1'"));
    }

    [Fact]
    public async Task A_replayed_batch_is_acknowledged_again_and_never_applied_twice()
    {
        var records = TestRecords.Mixed(0, 12).ToList();
        var first = await HeadOffice.PushAsync("branch-1", Key, records);
        var appliedAt = await HeadOffice.ScalarTextAsync("SELECT string_agg(applied_at::text || batch_id, ',' ORDER BY idempotency_key) FROM applied_records");

        var replay = await HeadOffice.PushAsync("branch-1", Key, records);
        var overlapping = await HeadOffice.PushAsync("branch-1", Key, TestRecords.Mixed(6, 12));

        Assert.Equal(first.AcknowledgedKeys, replay.AcknowledgedKeys);
        Assert.Equal(Enumerable.Range(6, 12).Select(i => $"r{i}"), overlapping.AcknowledgedKeys);
        Assert.Equal(18, await HeadOffice.CountAsync("SELECT COUNT(*) FROM applied_records"));
        Assert.Equal(6, await HeadOffice.CountAsync("SELECT COUNT(*) FROM tickets"));
        // The replay changed nothing of what was stored the first time.
        Assert.Equal(appliedAt, await HeadOffice.ScalarTextAsync(
            "SELECT string_agg(applied_at::text || batch_id, ',' ORDER BY idempotency_key) FROM applied_records WHERE sequence < 12"));
    }

    [Fact]
    public async Task A_ticket_keeps_the_state_of_its_highest_sequence_even_when_versions_arrive_out_of_order()
    {
        await HeadOffice.PushAsync("branch-1", Key, [TestRecords.Ticket(5, "T9", "closed")]);
        await HeadOffice.PushAsync("branch-1", Key, [TestRecords.Ticket(2, "T9", "dispatched"), TestRecords.Ticket(1, "T9", "open")]);

        Assert.Equal("closed", await HeadOffice.ScalarTextAsync("SELECT status FROM tickets WHERE ticket_id = 'T9'"));
        Assert.Equal(3, await HeadOffice.CountAsync("SELECT COUNT(*) FROM applied_records WHERE kind = 1"));
    }

    [Fact]
    public async Task A_key_reused_with_different_content_is_rejected_and_the_first_version_stands()
    {
        await HeadOffice.PushAsync("branch-1", Key, [TestRecords.Ticket(1, "T1", "open", key: "same")]);

        var response = await HeadOffice.PushAsync("branch-1", Key, [TestRecords.Ticket(2, "T1", "closed", key: "same"), TestRecords.Call(3, "C3")]);

        Assert.Equal(["c-C3"], response.AcknowledgedKeys);
        Assert.Equal("same", Assert.Single(response.Rejected).IdempotencyKey);
        Assert.Equal("open", await HeadOffice.ScalarTextAsync("SELECT status FROM tickets WHERE ticket_id = 'T1'"));
    }

    [Fact]
    public async Task Records_of_a_kind_or_version_this_head_office_does_not_know_are_rejected_and_the_rest_applied()
    {
        var future = TestRecords.Call(1, "C1");
        future.Kind = (RecordKind)42;
        var newer = TestRecords.Call(2, "C2");
        newer.PayloadVersion = 2;

        var response = await HeadOffice.PushAsync("branch-1", Key, [future, newer, TestRecords.Call(3, "C3")]);

        Assert.Equal(["c-C3"], response.AcknowledgedKeys);
        Assert.Equal(["c-C1", "c-C2"], response.Rejected.Select(r => r.IdempotencyKey));
        Assert.Equal(1, await HeadOffice.CountAsync("SELECT COUNT(*) FROM applied_records"));
    }

    [Fact]
    public async Task An_empty_batch_is_answered_with_nothing()
    {
        var response = await HeadOffice.PushAsync("branch-1", Key, []);

        Assert.Empty(response.AcknowledgedKeys);
        Assert.Equal(0, await HeadOffice.CountAsync("SELECT COUNT(*) FROM applied_records"));
    }
}
