namespace Appliance.Storage.Internal;

/// <summary>What makes one kind of business record (ticket, transaction) different from the other.</summary>
/// <param name="Table">Its table, e.g. "tickets".</param>
/// <param name="Noun">How errors name one, e.g. "ticket".</param>
/// <param name="OutboxKind">Its kind in the outbox (<see cref="OutboxKinds"/>).</param>
/// <param name="AmountRequired">Whether a record without an amount is invalid.</param>
internal sealed record BusinessRecordKind<T>(
    string Table,
    string Noun,
    string OutboxKind,
    bool AmountRequired,
    Func<T, BusinessRow> ToRow,
    Func<BusinessRow, T> FromRow,
    Func<T, byte[]> Encode,
    int PayloadVersion);
