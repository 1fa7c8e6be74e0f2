using Appliance.Storage;

namespace Appliance.Banking.Http.Internal;

/// <summary>Turns wire answers into contract results, refusing anything the box must not store or read out.</summary>
internal static class WireChecks
{
    public static VerificationResult ToResult(WireVerifyResponse wire)
    {
        if (!Enum.IsDefined(wire.Outcome))
        {
            throw Bad("verify answered an unknown outcome");
        }

        if (wire.Outcome != VerificationOutcome.Verified)
        {
            return new VerificationResult(wire.Outcome);
        }

        var c = wire.Customer ?? throw Bad("verify answered 'verified' without a customer");
        Require(c.CustomerId.Length is > 0 and <= 64, "customer.customerId must be 1-64 characters");
        return new VerificationResult(VerificationOutcome.Verified, new BankCustomer(c.CustomerId, c.Name, Masked(c.MaskedAccount, "customer.maskedAccount"), c.Segment));
    }

    public static AccountBalance ToResult(WireBalance wire) =>
        new(Masked(wire.MaskedAccount, "maskedAccount"), wire.AvailableMinor, wire.LedgerMinor, Currency(wire.Currency, "currency"));

    public static IReadOnlyList<AccountTransaction> ToResult(WireTransactions wire, int count) =>
        [.. wire.Transactions.OrderByDescending(t => t.BookedAt).Take(count)
            .Select(t => new AccountTransaction(t.BookedAt, t.Description, t.AmountMinor, Currency(t.Currency, "transactions[].currency")))];

    public static CardBlockResult ToResult(WireCardBlock wire)
    {
        Require(wire.Reference.Length is > 0 and <= 20 && wire.Reference.All(char.IsAsciiDigit), "reference must be 1-20 digits (it is read back to the caller)");
        return new CardBlockResult(wire.Reference, Masked(wire.MaskedCard, "maskedCard"), wire.AlreadyBlocked);
    }

    public static BillPaymentStatus ToResult(WireBill wire, string askedReference)
    {
        Require(wire.Reference == askedReference, "the bill answer names another reference than the one asked about");
        Require(Enum.IsDefined(wire.State), "state is not a known bill state");
        Require(wire.AmountMinor is null == wire.Currency is null, "amountMinor and currency must come together");
        return new BillPaymentStatus(wire.Reference, wire.State, wire.AmountMinor, wire.Currency is null ? null : Currency(wire.Currency, "currency"), wire.SettledAt);
    }

    // A core bank that sends a full number gets a BadAnswer, not a masked copy: the box must never hold the full digits.
    private static string Masked(string value, string field) =>
        AccountMasking.Problem(value) is { } problem ? throw Bad($"{field} {problem}") : value;

    private static string Currency(string value, string field) =>
        value.Length == 3 && value.All(char.IsAsciiLetterUpper) ? value : throw Bad($"{field} '{value}' is not an ISO 4217 code");

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw Bad(problem);
        }
    }

    private static CoreBankingException Bad(string problem) =>
        new(CoreBankingFailure.BadAnswer, $"The core bank's answer is unusable: {problem}.");
}
