using Appliance.Banking.Simulated;
using Appliance.Testing;

namespace Appliance.Banking.Tests;

/// <summary>What only the simulated bank does: latency on the clock, outages, lockout, state across restarts, seed checks.</summary>
public sealed class SimulatedCoreBankTests : IDisposable
{
    private static readonly CustomerCredential LiCard = new(CredentialKind.Card, TestSeed.LiCard);
    private readonly TestSeed _seed = new();
    private readonly ManualTimeProvider _time = new();

    public void Dispose() => _seed.Dispose();

    [Fact]
    public async Task An_answer_comes_only_after_the_configured_latency_on_the_clock()
    {
        var bank = _seed.CreateBank(_time, TestSeed.Options(latencyMilliseconds: 150));

        var balance = bank.GetBalanceAsync(TestSeed.LiId, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(149));
        Assert.False(balance.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(1_234_550, (await balance).AvailableMinor);
    }

    [Fact]
    public async Task An_injected_outage_fails_every_request_as_unavailable_until_switched_off()
    {
        var bank = _seed.CreateBank(_time, new BankingOptions { SimulatedLatencyMilliseconds = 0, SimulatedOutage = true });

        var ex = await Assert.ThrowsAsync<CoreBankingException>(() => bank.VerifyAsync(LiCard, TestSeed.LiPin, CancellationToken.None));
        Assert.Equal(CoreBankingFailure.Unavailable, ex.Failure);
        Assert.True(bank.OutageActive);

        bank.SetOutage(false);
        Assert.Equal(VerificationOutcome.Verified, (await bank.VerifyAsync(LiCard, TestSeed.LiPin, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Wrong_PINs_sent_in_parallel_each_count_and_none_gets_a_fourth_try()
    {
        var bank = _seed.CreateBank(_time);

        // 64 guesses from 8 threads at once: the PIN hash checks overlap; only 3 may be judged before the lockout.
        using var start = new Barrier(8);
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<VerificationOutcome>();
        var guessers = Enumerable.Range(0, 8).Select(t => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 8; i++)
            {
                outcomes.Add(bank.VerifyAsync(LiCard, "00000" + i, CancellationToken.None).GetAwaiter().GetResult().Outcome);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        await Task.WhenAll(guessers);

        Assert.Equal(3, outcomes.Count(o => o == VerificationOutcome.WrongPin));
        Assert.Equal(61, outcomes.Count(o => o == VerificationOutcome.Blocked));
        Assert.Equal(SimulatedCardState.PinLocked, bank.Describe(TestSeed.LiId)!.CardState);
    }

    [Fact]
    public async Task Three_wrong_PINs_in_a_row_lock_the_customer_out_even_with_the_right_PIN_and_after_a_restart()
    {
        var bank = _seed.CreateBank(_time);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(VerificationOutcome.WrongPin, (await bank.VerifyAsync(LiCard, "111111", CancellationToken.None)).Outcome);
        }

        Assert.Equal(VerificationOutcome.Blocked, (await bank.VerifyAsync(LiCard, TestSeed.LiPin, CancellationToken.None)).Outcome);
        var restarted = _seed.CreateBank(_time);
        var byAccount = new CustomerCredential(CredentialKind.Account, TestSeed.LiAccount);
        Assert.Equal(VerificationOutcome.Blocked, (await restarted.VerifyAsync(byAccount, TestSeed.LiPin, CancellationToken.None)).Outcome);
        Assert.Equal(SimulatedCardState.PinLocked, restarted.Describe(TestSeed.LiId)!.CardState);
    }

    [Fact]
    public async Task A_right_PIN_resets_the_wrong_PIN_count()
    {
        var bank = _seed.CreateBank(_time);
        await bank.VerifyAsync(LiCard, "111111", CancellationToken.None);
        await bank.VerifyAsync(LiCard, "111111", CancellationToken.None);
        await bank.VerifyAsync(LiCard, TestSeed.LiPin, CancellationToken.None);
        await bank.VerifyAsync(LiCard, "111111", CancellationToken.None);

        Assert.Equal(VerificationOutcome.Verified, (await bank.VerifyAsync(LiCard, TestSeed.LiPin, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_blocked_card_stays_blocked_after_a_restart_and_the_state_file_holds_no_card_number()
    {
        var first = await _seed.CreateBank(_time).ReportCardLostAsync(TestSeed.LiId, CancellationToken.None);

        var restarted = _seed.CreateBank(_time);
        var again = await restarted.ReportCardLostAsync(TestSeed.LiId, CancellationToken.None);
        var shown = restarted.Describe(TestSeed.LiCard)!;

        Assert.Equal(first.Reference, again.Reference);
        Assert.True(again.AlreadyBlocked);
        Assert.Equal(VerificationOutcome.Blocked, (await restarted.VerifyAsync(LiCard, TestSeed.LiPin, CancellationToken.None)).Outcome);
        Assert.Equal((SimulatedCardState.Lost, first.Reference, "622202******7890"), (shown.CardState, shown.BlockReference, shown.MaskedCard));
        var state = await File.ReadAllTextAsync(_seed.StateFile);
        Assert.DoesNotContain(TestSeed.LiCard, state, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSeed.LiAccount, state, StringComparison.Ordinal);
        Assert.False(File.Exists(_seed.StateFile + ".tmp"));
    }

    [Fact]
    public async Task A_state_file_that_cannot_be_written_fails_the_block_and_leaves_the_card_usable()
    {
        Directory.CreateDirectory(_seed.StateFile); // a directory where the file should be: the rename fails
        var bank = _seed.CreateBank(_time);

        var ex = await Assert.ThrowsAsync<CoreBankingException>(() => bank.ReportCardLostAsync(TestSeed.LiId, CancellationToken.None));

        Assert.Equal(CoreBankingFailure.Unavailable, ex.Failure);
        Assert.Equal(SimulatedCardState.Active, bank.Describe(TestSeed.LiId)!.CardState);
    }

    [Fact]
    public void A_corrupt_state_file_refuses_to_start_naming_the_file_rather_than_forgetting_blocked_cards()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_seed.StateFile)!);
        File.WriteAllText(_seed.StateFile, "{ not json");

        var ex = Assert.Throws<InvalidDataException>(() => _seed.CreateBank(_time));

        Assert.Contains(_seed.StateFile, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"pinHash\": \"1234\"", "customers[0].pinHash")]
    [InlineData("\"currency\": \"yuan\"", "customers[0].currency")]
    [InlineData("\"cardNumber\": \"12ab\"", "customers[0].cardNumber")]
    public void A_bad_seed_is_refused_naming_the_file_and_the_field(string replacement, string field)
    {
        var seed = File.ReadAllText(_seed.SeedFile);
        var name = replacement[1..replacement.IndexOf('"', 1)];
        var start = seed.IndexOf($"\"{name}\":", StringComparison.Ordinal);
        var end = seed.IndexOf(',', start);
        File.WriteAllText(_seed.SeedFile, seed[..start] + replacement + seed[end..]);

        var ex = Assert.Throws<InvalidDataException>(() => _seed.CreateBank(_time));

        Assert.Contains(_seed.SeedFile, ex.Message, StringComparison.Ordinal);
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seed_that_is_not_JSON_is_refused_naming_the_file()
    {
        File.WriteAllText(_seed.SeedFile, "customers: []");

        var ex = Assert.Throws<InvalidDataException>(() => _seed.CreateBank(_time));

        Assert.StartsWith(_seed.SeedFile, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_finds_a_customer_by_account_card_or_id_and_shows_only_masked_numbers()
    {
        var bank = _seed.CreateBank(_time);

        var byAccount = bank.Describe(TestSeed.LiAccount)!;
        Assert.Equal(byAccount, bank.Describe(TestSeed.LiCard));
        Assert.Equal(byAccount, bank.Describe(TestSeed.LiId));
        Assert.Equal(new SimulatedAccountSummary(TestSeed.LiId, "Li Lei", "622202*********5678", "622202******7890", 1_234_550, 1_250_000, "CNY", SimulatedCardState.Active, null), byAccount);
        Assert.Null(bank.Describe("6222020000000000"));
    }
}
