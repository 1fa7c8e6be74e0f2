using Appliance.Banking;

namespace Appliance.Core.Tests.SelfServiceNodes;

/// <summary>A core bank the test scripts: one card with its PIN, or a bank that hangs, fails or answers garbage.</summary>
public sealed class FakeCoreBank : ICoreBanking
{
    public const string Card = "6222021234567890";
    public const string Pin = "123456";
    public static readonly BankCustomer Customer = new("C-7", "Chen Jing", "622202******7890", "retail");

    public enum Mode
    {
        Answer,
        Hang,
        Fail,
        Garbage,
    }

    public Mode Behaviour { get; set; } = Mode.Answer;

    public AccountBalance Balance { get; set; } = new("622202******7890", 123_456, 123_456, "CNY");

    public int Verifications { get; private set; }

    public List<string> Blocked { get; } = [];

    public Task<VerificationResult> VerifyAsync(CustomerCredential credential, string pin, CancellationToken cancellationToken) =>
        Answer(cancellationToken, () =>
        {
            Verifications++;
            return Behaviour == Mode.Garbage
                ? new VerificationResult(VerificationOutcome.Verified, Customer with { MaskedAccount = Card })
                : credential.Number != Card ? new VerificationResult(VerificationOutcome.UnknownNumber)
                : pin != Pin ? new VerificationResult(VerificationOutcome.WrongPin)
                : new VerificationResult(VerificationOutcome.Verified, Customer);
        });

    public Task<AccountBalance> GetBalanceAsync(string customerId, CancellationToken cancellationToken) =>
        Answer(cancellationToken, () => Behaviour == Mode.Garbage ? Balance with { Currency = "XXX" } : Balance);

    public Task<IReadOnlyList<AccountTransaction>> GetRecentTransactionsAsync(string customerId, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AccountTransaction>>([]);

    public Task<CardBlockResult> ReportCardLostAsync(string customerId, CancellationToken cancellationToken) =>
        Answer(cancellationToken, () =>
        {
            if (Behaviour == Mode.Garbage)
            {
                return new CardBlockResult("REF-<html>", "622202******7890", false);
            }

            Blocked.Add(customerId);
            return new CardBlockResult("4071", "622202******7890", Blocked.Count > 1);
        });

    /// <summary>The customer's bills by reference; any other reference is unknown.</summary>
    public Dictionary<string, BillPaymentStatus> Bills { get; } = new(StringComparer.Ordinal)
    {
        ["880012"] = new("880012", BillPaymentState.Paid, 12_050, "CNY", new DateTimeOffset(2026, 12, 1, 19, 0, 0, TimeSpan.Zero)),
        ["880013"] = new("880013", BillPaymentState.Pending),
        ["880014"] = new("880014", BillPaymentState.Failed, 9_900, "CNY"),
    };

    public List<string> BillsAsked { get; } = [];

    public Task<BillPaymentStatus> GetBillPaymentStatusAsync(string customerId, string billReference, CancellationToken cancellationToken) =>
        Answer(cancellationToken, () =>
        {
            BillsAsked.Add(billReference);
            return Behaviour == Mode.Garbage ? new BillPaymentStatus("999", BillPaymentState.Paid)
                : Bills.TryGetValue(billReference, out var bill) ? bill
                : new BillPaymentStatus(billReference, BillPaymentState.Unknown);
        });

    private async Task<T> Answer<T>(CancellationToken cancellationToken, Func<T> answer)
    {
        switch (Behaviour)
        {
            case Mode.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
            case Mode.Fail:
                throw new CoreBankingException(CoreBankingFailure.Unavailable, "core bank down");
        }

        return answer();
    }
}
