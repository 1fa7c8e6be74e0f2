using System.Text.Json;
using System.Text.Json.Serialization;

namespace Appliance.Banking.Http.Internal;

// The HTTP/JSON wire format of docs/core-banking-http.md. Every non-nullable field without a default is required;
// fields the box does not know are ignored (a core bank may send more than this).

internal sealed record WireVerifyRequest(CredentialKind Kind, string Number, string Pin)
{
    // The request carries the PIN: never print it.
    public override string ToString() => $"verify {Kind} ******";
}

internal sealed record WireVerifyResponse(VerificationOutcome Outcome, WireCustomer? Customer = null);

internal sealed record WireCustomer(string CustomerId, string Name, string MaskedAccount, string Segment);

internal sealed record WireBalance(string MaskedAccount, long AvailableMinor, long LedgerMinor, string Currency);

internal sealed record WireTransactions(List<WireTransaction> Transactions);

internal sealed record WireTransaction(DateTimeOffset BookedAt, string Description, long AmountMinor, string Currency);

internal sealed record WireCardBlock(string Reference, string MaskedCard, bool AlreadyBlocked);

internal sealed record WireBill(string Reference, BillPaymentState State, long? AmountMinor = null, string? Currency = null, DateTimeOffset? SettledAt = null);

internal sealed record WireError(string Error, string? Message = null);

internal static class WireJson
{
    public const string UnknownCustomerError = "unknownCustomer";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };
}
