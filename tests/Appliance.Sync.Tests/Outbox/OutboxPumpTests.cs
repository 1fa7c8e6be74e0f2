using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Outbox;
using Grpc.Core;

namespace Appliance.Sync.Tests.Outbox;

/// <summary>The pump stepped by hand under a manual clock: order, batching, backoff, removal of acknowledged keys only.</summary>
public sealed class OutboxPumpTests : IDisposable
{
    private readonly OutboxHarness _box = new();
    private readonly ScriptedHeadOffice _office;

    public OutboxPumpTests()
    {
        _office = new ScriptedHeadOffice(_box.Time);
    }

    public void Dispose() => _box.Dispose();

    [Fact]
    public async Task Records_go_out_in_commit_order_in_batches_of_the_configured_size()
    {
        var keys = _box.CreateTickets(7);
        var pump = _box.Pump(_office);

        Assert.Equal(TimeSpan.Zero, await pump.RunOnceAsync(default));
        Assert.Equal(TimeSpan.Zero, await pump.RunOnceAsync(default));

        // The last, partial batch waits for more records until the oldest has waited MaxBatchDelaySeconds.
        var wait = await pump.RunOnceAsync(default);
        Assert.Equal(TimeSpan.FromSeconds(2), wait);
        Assert.Equal(2, _office.Received.Count);
        _box.Time.Advance(wait);
        Assert.Equal(TimeSpan.FromSeconds(1), await pump.RunOnceAsync(default));

        Assert.Equal([3, 3, 1], _office.Received.Select(r => r.Records.Count));
        var sent = _office.Received.SelectMany(r => r.Records).ToList();
        Assert.Equal(keys, sent.Select(r => r.IdempotencyKey));
        Assert.Equal(sent.Select(r => r.Sequence).Order(), sent.Select(r => r.Sequence));
        Assert.All(_office.Received, r => Assert.Equal("branch-7", r.BranchId));
        Assert.Equal(3, _office.Received.Select(r => r.BatchId).Distinct().Count());
        Assert.Equal(0, _box.Outbox.GetBacklog().Pending);
    }

    [Fact]
    public async Task Payload_is_the_ticket_revision_head_office_can_decode()
    {
        var first = _box.Tickets.Create(new("T-1", "branch-7", "card", "open", "622202******1234", Notes: "double charge"));
        _box.Tickets.Update(first with { Status = "closed" });
        _box.Transactions.Create(new("X-1", "branch-7", "bill_payment", "completed", new(8850, "CNY"), "6222****5678"));
        _box.Time.Advance(TimeSpan.FromSeconds(2));

        await _box.Pump(_office).RunOnceAsync(default);

        var records = _office.Received.Single().Records;
        Assert.Equal([RecordKind.Ticket, RecordKind.Ticket, RecordKind.Transaction], records.Select(r => r.Kind));
        var closed = TicketRecord.Parser.ParseFrom(records[1].Payload);
        Assert.Equal(("T-1", "card", "closed", "622202******1234", "double charge"), (closed.TicketId, closed.Category, closed.Status, closed.MaskedAccount, closed.Notes));
        Assert.NotNull(closed.ClosedAt);
        var payment = TransactionRecord.Parser.ParseFrom(records[2].Payload);
        Assert.Equal((8850L, "CNY", "bill_payment"), (payment.AmountMinorUnits, payment.Currency, payment.Type));
        Assert.All(records, r => Assert.Equal(ProtobufOutboxPayloadEncoder.Version, r.PayloadVersion));
    }

    [Fact]
    public async Task Only_acknowledged_keys_are_removed_and_the_rest_are_sent_again_next()
    {
        var keys = _box.CreateTickets(3);
        _office.Script.Enqueue(r => new PushBatchResponse { AcknowledgedKeys = { keys[1], "ticket:never-sent:r1" } });
        var pump = _box.Pump(_office);

        Assert.Equal(TimeSpan.Zero, await pump.RunOnceAsync(default));

        Assert.Equal([keys[0], keys[2]], _box.Outbox.ReadOldest(10).Select(e => e.IdempotencyKey));
        await pump.RunOnceAsync(default);
        Assert.Equal([keys[0], keys[2]], _office.Received[1].Records.Select(r => r.IdempotencyKey));
        Assert.Equal(0, _box.Outbox.GetBacklog().Pending);
    }

    [Fact]
    public async Task Rejected_keys_are_set_aside_and_not_retried()
    {
        var keys = _box.CreateTickets(3);
        _office.Script.Enqueue(r => new PushBatchResponse
        {
            AcknowledgedKeys = { keys[0], keys[2] },
            Rejected = { new RejectedRecord { IdempotencyKey = keys[1], Reason = "masked_account is not masked" } },
        });

        await _box.Pump(_office).RunOnceAsync(default);

        var status = _box.Pump(_office).GetStatus();
        Assert.Equal((0, 1), (status.Pending, status.Rejected));
        Assert.Equal(keys[1], _box.Outbox.ReadRejected().Single().Key);
    }

    [Fact]
    public async Task While_head_office_is_away_the_pump_backs_off_exponentially_with_jitter_and_keeps_everything()
    {
        var keys = _box.CreateTickets(3);
        for (var i = 0; i < 8; i++)
        {
            _office.Script.Enqueue(i % 2 == 0 ? ScriptedHeadOffice.Unreachable() : ScriptedHeadOffice.Refuse(StatusCode.Unavailable));
        }

        var pump = _box.Pump(_office);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 8; i++)
        {
            var delay = await pump.RunOnceAsync(default);
            delays.Add(delay);
            _box.Time.Advance(delay);
        }

        // Failure n waits between half and all of min(60 s, 1 s * 2^(n-1)).
        for (var n = 1; n <= 8; n++)
        {
            var ceiling = Math.Min(60, Math.Pow(2, n - 1));
            Assert.InRange(delays[n - 1].TotalSeconds, ceiling / 2, ceiling);
        }

        Assert.True(delays.Select(d => d.TotalSeconds / Math.Min(60, Math.Pow(2, delays.IndexOf(d)))).Distinct().Count() > 4, "delays must be jittered");
        Assert.Equal(8, _office.Received.Count);
        Assert.All(_office.Received, r => Assert.Equal(keys, r.Records.Select(x => x.IdempotencyKey)));
        var status = pump.GetStatus();
        Assert.Equal(("backing-off", 3, 8), (status.State, status.Pending, status.ConsecutiveFailures));
        Assert.Contains("Unavailable", status.LastError, StringComparison.Ordinal);
        Assert.Equal(delays.Sum(d => d.TotalSeconds), status.OldestAgeSeconds!.Value, 3);

        // Head office is back: everything goes (a full batch, so the pump looks again at once), the failure count resets.
        Assert.Equal(TimeSpan.Zero, await pump.RunOnceAsync(default));
        Assert.Equal(TimeSpan.FromSeconds(1), await pump.RunOnceAsync(default));
        status = pump.GetStatus();
        Assert.Equal(("idle", 0, 0, null), (status.State, status.Pending, status.ConsecutiveFailures, status.LastError));
        Assert.Equal(_box.Time.GetUtcNow().ToUnixTimeMilliseconds(), status.LastSuccessAt!.Value.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Different_boxes_spread_their_retries()
    {
        _box.CreateTickets(1);
        _office.Script.Enqueue(ScriptedHeadOffice.Unreachable());
        _office.Script.Enqueue(ScriptedHeadOffice.Unreachable());
        _box.Time.Advance(TimeSpan.FromSeconds(5));

        var first = await _box.Pump(_office, seed: 1).RunOnceAsync(default);
        var second = await _box.Pump(_office, seed: 2).RunOnceAsync(default);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task An_answer_that_acknowledges_nothing_counts_as_a_failure_so_the_pump_does_not_spin()
    {
        _box.CreateTickets(3);
        _office.Script.Enqueue(_ => new PushBatchResponse());

        var delay = await _box.Pump(_office).RunOnceAsync(default);

        Assert.InRange(delay.TotalSeconds, 0.5, 1);
        Assert.Equal(3, _box.Outbox.GetBacklog().Pending);
        Assert.Contains("acknowledged none", _box.Outbox.GetBacklog().LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backoff_state_survives_a_restart_and_unacknowledged_records_are_resent()
    {
        var keys = _box.CreateTickets(2);
        _office.Script.Enqueue(ScriptedHeadOffice.Unreachable());
        _office.Script.Enqueue(ScriptedHeadOffice.Unreachable());
        _office.Script.Enqueue(ScriptedHeadOffice.Unreachable());
        var pump = _box.Pump(_office);
        _box.Time.Advance(TimeSpan.FromSeconds(2));
        await pump.RunOnceAsync(default);
        await pump.RunOnceAsync(default);

        _box.Restart();
        var restarted = _box.Pump(_office);
        Assert.Equal(2, restarted.GetStatus().ConsecutiveFailures);

        // The third failure in a row: the ceiling is 4 s, not the 1 s a fresh start would use.
        Assert.InRange((await restarted.RunOnceAsync(default)).TotalSeconds, 2, 4);
        await restarted.RunOnceAsync(default);
        Assert.Equal(keys, _office.Received[^1].Records.Select(r => r.IdempotencyKey));
        Assert.Equal(0, restarted.GetStatus().Pending);
    }

    [Fact]
    public async Task Without_a_head_office_the_pump_is_disabled_and_records_stay_queued()
    {
        _box.CreateTickets(2);
        var pump = _box.Pump(null);

        Assert.Equal(TimeSpan.FromSeconds(1), await pump.RunOnceAsync(default));

        var status = pump.GetStatus();
        Assert.Equal(("disabled", 2), (status.State, status.Pending));
    }
}
