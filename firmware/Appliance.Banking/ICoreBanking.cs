namespace Appliance.Banking;

/// <summary>
/// What the box asks of the bank's core system during self-service: who the caller is, their balance and last
/// transactions, blocking a lost card, and whether a bill was paid. Implementations: a simulated core bank (the
/// default, with seeded accounts) and an HTTP/JSON adapter for a real one. Every call may take time or fail; a failure
/// is always a <see cref="CoreBankingException"/>, never a hang past the caller's patience.
/// </summary>
public interface ICoreBanking
{
    /// <summary>Checks a card or account number with its PIN.</summary>
    /// <exception cref="CoreBankingException">The core bank did not answer, or answered something unusable.</exception>
    Task<VerificationResult> VerifyAsync(CustomerCredential credential, string pin, CancellationToken cancellationToken);

    /// <summary>The balance of a verified customer's account.</summary>
    /// <exception cref="CoreBankingException">The core bank did not answer, or answered something unusable.</exception>
    Task<AccountBalance> GetBalanceAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="count"/> transactions of a verified customer's account, newest first.</summary>
    /// <exception cref="CoreBankingException">The core bank did not answer, or answered something unusable.</exception>
    Task<IReadOnlyList<AccountTransaction>> GetRecentTransactionsAsync(string customerId, int count, CancellationToken cancellationToken);

    /// <summary>Reports the customer's card lost and blocks it; repeating it for a blocked card returns the same reference.</summary>
    /// <exception cref="CoreBankingException">The core bank did not answer, or answered something unusable.</exception>
    Task<CardBlockResult> ReportCardLostAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>Whether the bill with <paramref name="billReference"/> has been paid from the customer's account.</summary>
    /// <exception cref="CoreBankingException">The core bank did not answer, or answered something unusable.</exception>
    Task<BillPaymentStatus> GetBillPaymentStatusAsync(string customerId, string billReference, CancellationToken cancellationToken);
}
