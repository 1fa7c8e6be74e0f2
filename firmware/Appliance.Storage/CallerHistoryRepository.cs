using Appliance.Storage.Internal;

namespace Appliance.Storage;

/// <summary>
/// What the box knows about a caller by their number, for an agent's screen pop: their previous calls, and the tickets
/// raised on those calls that are not closed yet (tickets carry no caller number of their own; the call links them).
/// </summary>
public sealed class CallerHistoryRepository(ApplianceDatabase database)
{
    /// <summary>The ticket status that counts as done; every other status is open.</summary>
    public const string ClosedStatus = "closed";

    private readonly CallRecordRepository _calls = new(database);
    private readonly TicketRepository _tickets = new(database, NoOutbox.Instance);

    /// <summary>Up to <paramref name="max"/> calls from <paramref name="callerNumber"/> that started before <paramref name="before"/>, newest first.</summary>
    public IReadOnlyList<CallRecord> PreviousCalls(string callerNumber, DateTimeOffset before, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var ids = database.Read("Reading a caller's previous calls", connection =>
        {
            using var command = connection.Command(
                "SELECT id FROM calls WHERE caller_number = $number AND started_at < $before ORDER BY started_at DESC, id DESC LIMIT $max;");
            command.With("$number", callerNumber).With("$before", UnixTime.ToMilliseconds(before)).With("$max", max);
            return command.ReadAll(reader => reader.GetString(0));
        });
        return [.. ids.Select(_calls.Get).OfType<CallRecord>()];
    }

    /// <summary>Up to <paramref name="max"/> tickets not closed, raised on calls from <paramref name="callerNumber"/>, newest first.</summary>
    public IReadOnlyList<TicketRecord> OpenTickets(string callerNumber, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var ids = database.Read("Reading a caller's open tickets", connection =>
        {
            using var command = connection.Command(
                """
                SELECT t.id FROM tickets t JOIN calls c ON c.id = t.call_id
                WHERE c.caller_number = $number AND t.status <> $closed
                ORDER BY t.created_at DESC, t.id DESC LIMIT $max;
                """);
            command.With("$number", callerNumber).With("$closed", ClosedStatus).With("$max", max);
            return command.ReadAll(reader => reader.GetString(0));
        });
        return [.. ids.Select(_tickets.Get).OfType<TicketRecord>()];
    }

    // Reading never writes the outbox, so the ticket table needs no real encoder here.
    private sealed class NoOutbox : IOutboxPayloadEncoder
    {
        public static readonly NoOutbox Instance = new();

        public int PayloadVersion => 0;

        public byte[] Encode(TicketRecord ticket) => throw new NotSupportedException("reading only");

        public byte[] Encode(TransactionRecord transaction) => throw new NotSupportedException("reading only");
    }
}
