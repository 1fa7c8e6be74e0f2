using System.Globalization;
using System.Security.Cryptography;
using Appliance.Banking.Simulated.Internal;
using Microsoft.Extensions.Logging;

namespace Appliance.Banking.Simulated;

/// <summary>
/// The default core bank: customers seeded from a JSON file (PINs as salted PBKDF2 hashes), card blocks and PIN
/// lockouts kept in a state file so they survive restarts, a fixed latency on the injected clock and an outage switch.
/// </summary>
public sealed class SimulatedCoreBank : ICoreBanking
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SeedCustomer> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeedCustomer> _byCard = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeedCustomer> _byAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CustomerState> _states;
    private readonly string _stateFile;
    private readonly TimeSpan _latency;
    private readonly int _maxWrongPins;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile bool _outage;

    /// <summary>Loads the seed and the saved state.</summary>
    /// <param name="seedFile">The seed (absolute, or relative to the working directory).</param>
    /// <param name="stateFile">Where card states are kept; created on the first change.</param>
    /// <exception cref="InvalidDataException">The seed or the state file is unusable; the message names the file and field.</exception>
    public SimulatedCoreBank(string seedFile, string stateFile, BankingOptions options, TimeProvider time, ILogger<SimulatedCoreBank> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        foreach (var customer in SeedLoader.Load(seedFile).Customers)
        {
            _byId.Add(customer.CustomerId, customer);
            _byCard.Add(customer.CardNumber, customer);
            _byAccount.Add(customer.AccountNumber, customer);
        }

        _states = CardStateFile.Load(stateFile);
        _stateFile = stateFile;
        _latency = TimeSpan.FromMilliseconds(options.SimulatedLatencyMilliseconds);
        _maxWrongPins = options.MaxWrongPins;
        _outage = options.SimulatedOutage;
        _time = time;
        _logger = logger;
        SimulatedBankLog.Loaded(logger, _byId.Count, seedFile);
    }

    /// <summary>Whether every request currently fails as unavailable.</summary>
    public bool OutageActive => _outage;

    /// <summary>Starts or ends an injected outage; requests already waiting out their latency see the new state.</summary>
    public void SetOutage(bool active)
    {
        _outage = active;
        SimulatedBankLog.OutageSwitched(_logger, active ? "on" : "off");
    }

    /// <summary>The customer with this account number, card number or customer id, for testers; null when unknown.</summary>
    public SimulatedAccountSummary? Describe(string accountCardOrCustomerId)
    {
        ArgumentNullException.ThrowIfNull(accountCardOrCustomerId);
        var key = accountCardOrCustomerId.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!_byAccount.TryGetValue(key, out var c) && !_byCard.TryGetValue(key, out c) && !_byId.TryGetValue(accountCardOrCustomerId, out c))
        {
            return null;
        }

        var state = StateOf(c.CustomerId);
        var cardState = state.CardBlock is not null ? SimulatedCardState.Lost : state.PinLocked ? SimulatedCardState.PinLocked : SimulatedCardState.Active;
        return new SimulatedAccountSummary(c.CustomerId, c.Name, SeedLoader.Mask(c.AccountNumber), SeedLoader.Mask(c.CardNumber),
            c.AvailableMinor, c.LedgerMinor, c.Currency, cardState, state.CardBlock?.Reference);
    }

    /// <inheritdoc />
    public async Task<VerificationResult> VerifyAsync(CustomerCredential credential, string pin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(pin);
        await RespondAfterLatencyAsync(cancellationToken);
        var index = credential.Kind == CredentialKind.Card ? _byCard : _byAccount;
        if (!index.TryGetValue(credential.Number, out var customer))
        {
            return new VerificationResult(VerificationOutcome.UnknownNumber);
        }

        var state = StateOf(customer.CustomerId);
        if (state.PinLocked || (credential.Kind == CredentialKind.Card && state.CardBlock is not null))
        {
            return new VerificationResult(VerificationOutcome.Blocked);
        }

        var pinMatches = PinHashing.Verify(pin, customer.PinHash);
        lock (_gate)
        {
            // Read again under the gate (the hash check above is slow and runs outside it): wrong PINs sent in parallel for
            // one customer each count, and none gets past a lockout another one just caused.
            state = StateOf(customer.CustomerId);
            if (state.PinLocked)
            {
                return new VerificationResult(VerificationOutcome.Blocked);
            }

            if (!pinMatches)
            {
                var wrong = state.WrongPins + 1;
                var locked = _maxWrongPins > 0 && wrong >= _maxWrongPins;
                Save(customer.CustomerId, state with { WrongPins = wrong, PinLocked = locked });
                if (locked)
                {
                    SimulatedBankLog.LockedOut(_logger, customer.CustomerId, wrong);
                }

                return new VerificationResult(VerificationOutcome.WrongPin);
            }

            if (state.WrongPins != 0)
            {
                Save(customer.CustomerId, state with { WrongPins = 0 });
            }
        }

        return new VerificationResult(VerificationOutcome.Verified,
            new BankCustomer(customer.CustomerId, customer.Name, SeedLoader.Mask(customer.AccountNumber), customer.Segment));
    }

    /// <inheritdoc />
    public async Task<AccountBalance> GetBalanceAsync(string customerId, CancellationToken cancellationToken)
    {
        await RespondAfterLatencyAsync(cancellationToken);
        var c = Find(customerId);
        return new AccountBalance(SeedLoader.Mask(c.AccountNumber), c.AvailableMinor, c.LedgerMinor, c.Currency);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AccountTransaction>> GetRecentTransactionsAsync(string customerId, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        await RespondAfterLatencyAsync(cancellationToken);
        var c = Find(customerId);
        return [.. (c.Transactions ?? []).OrderByDescending(t => t.BookedAt).Take(count)
            .Select(t => new AccountTransaction(t.BookedAt, t.Description, t.AmountMinor, c.Currency))];
    }

    /// <inheritdoc />
    public async Task<CardBlockResult> ReportCardLostAsync(string customerId, CancellationToken cancellationToken)
    {
        await RespondAfterLatencyAsync(cancellationToken);
        var c = Find(customerId);
        var masked = SeedLoader.Mask(c.CardNumber);
        lock (_gate)
        {
            var state = StateOf(c.CustomerId);
            if (state.CardBlock is { } existing)
            {
                return new CardBlockResult(existing.Reference, masked, AlreadyBlocked: true);
            }

            var reference = RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
            Save(c.CustomerId, state with { CardBlock = new CardBlock(reference, _time.GetUtcNow()) });
            SimulatedBankLog.CardBlocked(_logger, masked, c.CustomerId, reference);
            return new CardBlockResult(reference, masked, AlreadyBlocked: false);
        }
    }

    /// <inheritdoc />
    public async Task<BillPaymentStatus> GetBillPaymentStatusAsync(string customerId, string billReference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(billReference);
        await RespondAfterLatencyAsync(cancellationToken);
        var c = Find(customerId);
        var bill = c.Bills?.FirstOrDefault(b => b.Reference == billReference);
        return bill is null
            ? new BillPaymentStatus(billReference, BillPaymentState.Unknown)
            : new BillPaymentStatus(billReference, bill.State, bill.AmountMinor, bill.AmountMinor is null ? null : c.Currency, bill.SettledAt);
    }

    private async Task RespondAfterLatencyAsync(CancellationToken cancellationToken)
    {
        if (_latency > TimeSpan.Zero)
        {
            await Task.Delay(_latency, _time, cancellationToken);
        }

        if (_outage)
        {
            throw new CoreBankingException(CoreBankingFailure.Unavailable, "The simulated core bank is in an injected outage.");
        }
    }

    private SeedCustomer Find(string customerId)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return _byId.TryGetValue(customerId, out var customer)
            ? customer
            : throw new CoreBankingException(CoreBankingFailure.UnknownCustomer, $"The core bank knows no customer '{customerId}'.");
    }

    private CustomerState StateOf(string customerId)
    {
        lock (_gate)
        {
            return _states.TryGetValue(customerId, out var state) ? state : new CustomerState(null, 0, false);
        }
    }

    // Saved before the answer goes back, so a block the caller was told about is on disk. A failed save restores the
    // previous state (memory and disk agree) and fails the request: the caller is never told of a block that is lost
    // at the next restart.
    private void Save(string customerId, CustomerState state)
    {
        lock (_gate)
        {
            var hadPrevious = _states.TryGetValue(customerId, out var previous);
            _states[customerId] = state;
            try
            {
                CardStateFile.Save(_stateFile, _states);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                SimulatedBankLog.SaveFailed(_logger, ex, _stateFile);
                if (hadPrevious)
                {
                    _states[customerId] = previous!;
                }
                else
                {
                    _states.Remove(customerId);
                }

                throw new CoreBankingException(CoreBankingFailure.Unavailable, "The simulated core bank could not save its state.", ex);
            }
        }
    }
}
