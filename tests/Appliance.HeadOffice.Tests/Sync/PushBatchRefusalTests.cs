using Appliance.HeadOffice.Tests.Support;
using Appliance.Sync.Contracts.Sync.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Appliance.HeadOffice.Tests.Sync;

[Collection(PostgresCollection.Name)]
public sealed class PushBatchRefusalTests(PostgresServer postgres) : EnrolledBranchTests(postgres)
{
    private string _revokedKey = string.Empty;

    protected override async Task EnrolMoreAsync()
    {
        await HeadOffice.EnrolAsync("branch-2");
        _revokedKey = await HeadOffice.EnrolAsync("branch-old");
        await HeadOffice.Registry.RevokeAsync("branch-old", CancellationToken.None);
    }

    [Fact]
    public async Task A_call_without_credentials_is_unauthenticated_and_applies_nothing()
    {
        using var channel = HeadOffice.Channel();
        var request = new PushBatchRequest { BranchId = "branch-1", Records = { TestRecords.Mixed(0, 3) } };

        var error = await Assert.ThrowsAsync<RpcException>(async () => await new SyncService.SyncServiceClient(channel).PushBatchAsync(request));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("x-branch-key", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await HeadOffice.CountAsync("SELECT COUNT(*) FROM applied_records"));
    }

    [Theory]
    [InlineData("branch-9", "any-key")]
    [InlineData("branch-1", "wrong-key")]
    [InlineData("branch-2", "")]
    public async Task An_unknown_branch_or_wrong_key_is_unauthenticated_and_applies_nothing(string branch, string key)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => HeadOffice.PushAsync(branch, key.Length == 0 ? Key : key, TestRecords.Mixed(0, 3)));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(0, await HeadOffice.CountAsync("SELECT COUNT(*) FROM applied_records"));
    }

    [Fact]
    public async Task A_revoked_branch_is_permission_denied_and_applies_nothing()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => HeadOffice.PushAsync("branch-old", _revokedKey, TestRecords.Mixed(0, 3)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("revoked", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await HeadOffice.CountAsync("SELECT COUNT(*) FROM applied_records"));
    }

    [Fact]
    public async Task A_batch_claiming_another_branch_is_permission_denied_and_applies_nothing()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            HeadOffice.PushAsync("branch-1", Key, TestRecords.Mixed(0, 3), claimedBranch: "branch-2"));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("branch-2", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await HeadOffice.CountAsync("SELECT COUNT(*) FROM applied_records"));
    }

    public static TheoryData<string, string> Malformations() => new()
    {
        { "empty key", "idempotency_key" },
        { "duplicate key", "appears twice" },
        { "kind unset", "kind is not set" },
        { "garbage payload", "not a valid Ticket" },
        { "ticket without id", "ticket_id is required" },
        { "negative amount", "amount_minor_units" },
        { "bad currency", "currency" },
        { "unmasked account", "masked_account is not masked" },
        { "invalid timestamp", "opened_at is not a valid timestamp" },
        { "NUL in notes", "notes contains a NUL" },
        { "negative sequence", "sequence" },
    };

    [Theory]
    [MemberData(nameof(Malformations))]
    public async Task A_malformed_record_refuses_the_whole_batch_with_invalid_argument_and_applies_nothing(string malformation, string expected)
    {
        var records = TestRecords.Mixed(0, 4).ToList();
        records.Add(Malformed(malformation));

        var error = await Assert.ThrowsAsync<RpcException>(() => HeadOffice.PushAsync("branch-1", Key, records));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("record 4", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await HeadOffice.CountAsync("SELECT COUNT(*) FROM applied_records"));
        Assert.Equal(0, await HeadOffice.CountAsync("SELECT COUNT(*) FROM tickets"));
    }

    [Fact]
    public async Task A_batch_over_the_record_limit_is_refused_and_applies_nothing()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => HeadOffice.PushAsync("branch-1", Key, TestRecords.Mixed(0, 5001)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("at most 5000", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await HeadOffice.CountAsync("SELECT COUNT(*) FROM applied_records"));
    }

    private static SyncRecord Malformed(string malformation)
    {
        var ticket = new TicketRecord { TicketId = "T-bad", Status = "open", OpenedAt = Timestamp.FromDateTimeOffset(TestRecords.Start) };
        var record = TestRecords.Envelope("bad", RecordKind.Ticket, 99, ticket);
        switch (malformation)
        {
            case "empty key": record.IdempotencyKey = string.Empty; break;
            case "duplicate key": record.IdempotencyKey = "r1"; break;
            case "kind unset": record.Kind = RecordKind.Unspecified; break;
            case "garbage payload": record.Payload = ByteString.CopyFrom(0xFF, 0xFF, 0xFF, 0x0F); break;
            case "ticket without id": ticket.TicketId = string.Empty; record.Payload = ticket.ToByteString(); break;
            case "unmasked account": ticket.MaskedAccount = "6222021234567890123"; record.Payload = ticket.ToByteString(); break;
            case "invalid timestamp": ticket.OpenedAt = new Timestamp { Seconds = 1, Nanos = -5 }; record.Payload = ticket.ToByteString(); break;
            case "NUL in notes": ticket.Notes = "bad\0note"; record.Payload = ticket.ToByteString(); break;
            case "negative sequence": record.Sequence = -1; break;
            case "negative amount" or "bad currency":
                var transaction = new TransactionRecord
                {
                    TransactionId = "X-bad", Type = "transfer", Status = "completed", StartedAt = TestRecords.Start.ToTimestamp(),
                    AmountMinorUnits = malformation == "negative amount" ? -1 : 5, Currency = malformation == "bad currency" ? "yuan" : "CNY",
                };
                record = TestRecords.Envelope("bad", RecordKind.Transaction, 99, transaction);
                break;
        }

        return record;
    }
}
