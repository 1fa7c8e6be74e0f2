namespace Appliance.Banking.Tests;

/// <summary>
/// What every <see cref="ICoreBanking"/> must do, run against each implementation over the same seed
/// (<see cref="TestSeed"/>): the simulated bank directly, and the HTTP adapter against a test server.
/// </summary>
public abstract class CoreBankingContractTests : IAsyncLifetime
{
    private readonly TestSeed _seed = new();

    private protected ICoreBanking Bank { get; private set; } = null!;

    private protected TestSeed Seed => _seed;

    private static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync() => Bank = await CreateAsync(_seed);

    public virtual Task DisposeAsync()
    {
        _seed.Dispose();
        return Task.CompletedTask;
    }

    private protected abstract Task<ICoreBanking> CreateAsync(TestSeed seed);

    [Fact]
    public async Task A_card_number_with_its_PIN_verifies_the_customer_with_the_account_masked()
    {
        var result = await Bank.VerifyAsync(new CustomerCredential(CredentialKind.Card, TestSeed.LiCard), TestSeed.LiPin, None);

        Assert.Equal(VerificationOutcome.Verified, result.Outcome);
        Assert.Equal(new BankCustomer(TestSeed.LiId, "Li Lei", "622202*********5678", "vip"), result.Customer);
    }

    [Fact]
    public async Task An_account_number_with_its_PIN_verifies_the_customer()
    {
        var result = await Bank.VerifyAsync(new CustomerCredential(CredentialKind.Account, TestSeed.HanAccount), TestSeed.HanPin, None);

        Assert.Equal(VerificationOutcome.Verified, result.Outcome);
        Assert.Equal(TestSeed.HanId, result.Customer!.CustomerId);
        Assert.Equal("*******8901", result.Customer.MaskedAccount);
    }

    [Fact]
    public async Task A_wrong_PIN_an_unknown_number_and_a_card_number_given_as_account_are_refused_without_a_customer()
    {
        var wrong = await Bank.VerifyAsync(new CustomerCredential(CredentialKind.Card, TestSeed.LiCard), "000000", None);
        var unknown = await Bank.VerifyAsync(new CustomerCredential(CredentialKind.Card, "6222020000000000"), TestSeed.LiPin, None);
        var wrongKind = await Bank.VerifyAsync(new CustomerCredential(CredentialKind.Account, TestSeed.LiCard), TestSeed.LiPin, None);

        Assert.Equal(new VerificationResult(VerificationOutcome.WrongPin), wrong);
        Assert.Equal(new VerificationResult(VerificationOutcome.UnknownNumber), unknown);
        Assert.Equal(new VerificationResult(VerificationOutcome.UnknownNumber), wrongKind);
    }

    [Fact]
    public async Task The_balance_is_in_minor_units_with_its_currency_and_may_be_negative()
    {
        Assert.Equal(new AccountBalance("622202*********5678", 1_234_550, 1_250_000, "CNY"), await Bank.GetBalanceAsync(TestSeed.LiId, None));
        Assert.Equal(new AccountBalance("*******8901", -500, 0, "USD"), await Bank.GetBalanceAsync(TestSeed.HanId, None));
    }

    [Fact]
    public async Task Recent_transactions_come_newest_first_and_at_most_as_many_as_asked()
    {
        var two = await Bank.GetRecentTransactionsAsync(TestSeed.LiId, 2, None);
        var none = await Bank.GetRecentTransactionsAsync(TestSeed.HanId, 5, None);

        Assert.Equal(
            [
                new AccountTransaction(DateTimeOffset.Parse("2026-01-04T12:30:00Z", System.Globalization.CultureInfo.InvariantCulture), "Supermarket", -15_450, "CNY"),
                new AccountTransaction(DateTimeOffset.Parse("2026-01-03T19:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "Electricity", -12_000, "CNY"),
            ],
            two);
        Assert.Empty(none);
    }

    [Fact]
    public async Task A_lost_card_is_blocked_once_a_repeat_report_returns_the_same_reference_and_the_card_no_longer_verifies()
    {
        var first = await Bank.ReportCardLostAsync(TestSeed.LiId, None);
        var again = await Bank.ReportCardLostAsync(TestSeed.LiId, None);
        var byCard = await Bank.VerifyAsync(new CustomerCredential(CredentialKind.Card, TestSeed.LiCard), TestSeed.LiPin, None);

        Assert.Matches("^[0-9]{1,20}$", first.Reference);
        Assert.Equal("622202******7890", first.MaskedCard);
        Assert.False(first.AlreadyBlocked);
        Assert.Equal(first with { AlreadyBlocked = true }, again);
        Assert.Equal(VerificationOutcome.Blocked, byCard.Outcome);
        Assert.Null(byCard.Customer);
    }

    [Fact]
    public async Task Bill_payment_status_tells_paid_pending_and_unknown_bills_apart()
    {
        var paid = await Bank.GetBillPaymentStatusAsync(TestSeed.LiId, "880012", None);
        var pending = await Bank.GetBillPaymentStatusAsync(TestSeed.LiId, "880013", None);
        var unknown = await Bank.GetBillPaymentStatusAsync(TestSeed.LiId, "999999", None);

        Assert.Equal(new BillPaymentStatus("880012", BillPaymentState.Paid, 12_000, "CNY", DateTimeOffset.Parse("2026-01-03T19:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), paid);
        Assert.Equal(new BillPaymentStatus("880013", BillPaymentState.Pending), pending);
        Assert.Equal(new BillPaymentStatus("999999", BillPaymentState.Unknown), unknown);
    }

    [Fact]
    public async Task Requests_for_an_unknown_customer_fail_as_UnknownCustomer()
    {
        foreach (var request in new Func<Task>[]
        {
            () => Bank.GetBalanceAsync("C9999", None),
            () => Bank.GetRecentTransactionsAsync("C9999", 3, None),
            () => Bank.ReportCardLostAsync("C9999", None),
            () => Bank.GetBillPaymentStatusAsync("C9999", "880012", None),
        })
        {
            var ex = await Assert.ThrowsAsync<CoreBankingException>(request);
            Assert.Equal(CoreBankingFailure.UnknownCustomer, ex.Failure);
        }
    }
}
