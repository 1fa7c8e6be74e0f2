using Appliance.Sync.Contracts.Sync.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Appliance.HeadOffice.Tests.Support;

/// <summary>Builds sync records the way a box's outbox would.</summary>
internal static class TestRecords
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static SyncRecord Ticket(long sequence, string ticketId, string status = "open", string key = "") =>
        Envelope(key.Length == 0 ? $"t-{ticketId}-{sequence}" : key, RecordKind.Ticket, sequence, new TicketRecord
        {
            TicketId = ticketId,
            Category = "card",
            Status = status,
            MaskedAccount = "6222****1234",
            OpenedAt = Timestamp.FromDateTimeOffset(Start),
            UpdatedAt = Timestamp.FromDateTimeOffset(Start.AddMinutes(sequence)),
            Notes = "caller reports card not working",
        });

    public static SyncRecord Transaction(long sequence, string transactionId, long amount = 12_345) =>
        Envelope($"x-{transactionId}-{sequence}", RecordKind.Transaction, sequence, new TransactionRecord
        {
            TransactionId = transactionId,
            Type = "bill_payment",
            Status = "completed",
            MaskedAccount = "****9876",
            AmountMinorUnits = amount,
            Currency = "CNY",
            StartedAt = Timestamp.FromDateTimeOffset(Start.AddSeconds(sequence)),
        });

    public static SyncRecord Call(long sequence, string callId) =>
        Envelope($"c-{callId}", RecordKind.CallSummary, sequence, new CallSummaryRecord
        {
            CallId = callId,
            CallerNumber = "138****5678",
            QueueId = "general",
            Disposition = "answered",
            StartedAt = Timestamp.FromDateTimeOffset(Start.AddSeconds(sequence)),
        });

    /// <summary>A mix of tickets, transactions and calls with keys r0..r(count-1) offset by <paramref name="first"/>.</summary>
    public static IEnumerable<SyncRecord> Mixed(int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            var record = (i % 3) switch
            {
                0 => Ticket(i, $"T{i}"),
                1 => Transaction(i, $"X{i}"),
                _ => Call(i, $"C{i}"),
            };
            record.IdempotencyKey = $"r{i}";
            yield return record;
        }
    }

    public static SyncRecord Envelope(string key, RecordKind kind, long sequence, IMessage payload) => new()
    {
        IdempotencyKey = key,
        Kind = kind,
        Sequence = sequence,
        PayloadVersion = 1,
        Payload = payload.ToByteString(),
        CreatedAt = Timestamp.FromDateTimeOffset(Start.AddSeconds(sequence)),
    };
}
