using System.Text.Json.Serialization;

namespace Appliance.Banking.Simulated.Internal;

// The seed file's shape (docs: README "Core banking"). Full numbers live only here and in the bank's memory.
internal sealed record SeedDocument([property: JsonRequired] List<SeedCustomer> Customers);

internal sealed record SeedCustomer(
    [property: JsonRequired] string CustomerId,
    [property: JsonRequired] string Name,
    [property: JsonRequired] string Segment,
    [property: JsonRequired] string AccountNumber,
    [property: JsonRequired] string CardNumber,
    [property: JsonRequired] string PinHash,
    [property: JsonRequired] string Currency,
    [property: JsonRequired] long AvailableMinor,
    [property: JsonRequired] long LedgerMinor,
    List<SeedTransaction>? Transactions = null,
    List<SeedBill>? Bills = null);

internal sealed record SeedTransaction(
    [property: JsonRequired] DateTimeOffset BookedAt,
    [property: JsonRequired] string Description,
    [property: JsonRequired] long AmountMinor);

internal sealed record SeedBill(
    [property: JsonRequired] string Reference,
    [property: JsonRequired] BillPaymentState State,
    long? AmountMinor = null,
    DateTimeOffset? SettledAt = null);
