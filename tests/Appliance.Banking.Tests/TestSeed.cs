using System.Text.Json;
using Appliance.Banking.Simulated;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Banking.Tests;

/// <summary>A seed file and state file in a fresh temporary directory, with two known customers.</summary>
internal sealed class TestSeed : IDisposable
{
    public const string LiId = "C1001";
    public const string LiCard = "6222021234567890";
    public const string LiAccount = "6222020200112345678";
    public const string LiPin = "135790";
    public const string HanId = "C1002";
    public const string HanCard = "6222029876543210";
    public const string HanAccount = "12345678901";
    public const string HanPin = "2468";

    public TestSeed()
    {
        Directory = Path.Combine(Path.GetTempPath(), "bank-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        SeedFile = Path.Combine(Directory, "seed.json");
        StateFile = Path.Combine(Directory, "state", "card-state.json");
        File.WriteAllText(SeedFile, JsonSerializer.Serialize(Document()));
    }

    public string Directory { get; }

    public string SeedFile { get; }

    public string StateFile { get; }

    public static BankingOptions Options(int latencyMilliseconds = 0) => new() { SimulatedLatencyMilliseconds = latencyMilliseconds };

    public SimulatedCoreBank CreateBank(TimeProvider? time = null, BankingOptions? options = null) =>
        new(SeedFile, StateFile, options ?? Options(), time ?? TimeProvider.System, NullLogger<SimulatedCoreBank>.Instance);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    // Few PBKDF2 iterations keep the tests fast; the format is the one 'appliance bank hash-pin' writes.
    private static object Document() => new
    {
        customers = new object[]
        {
            new
            {
                customerId = LiId, name = "Li Lei", segment = "vip", accountNumber = LiAccount, cardNumber = LiCard,
                pinHash = PinHashing.Hash(LiPin, PinHashing.MinimumIterations), currency = "CNY",
                availableMinor = 1_234_550L, ledgerMinor = 1_250_000L,
                transactions = new object[]
                {
                    new { bookedAt = "2026-01-02T08:00:00Z", description = "Salary", amountMinor = 800_000L },
                    new { bookedAt = "2026-01-04T12:30:00Z", description = "Supermarket", amountMinor = -15_450L },
                    new { bookedAt = "2026-01-03T19:00:00Z", description = "Electricity", amountMinor = -12_000L },
                },
                bills = new object[]
                {
                    new { reference = "880012", state = "paid", amountMinor = 12_000L, settledAt = "2026-01-03T19:00:00Z" },
                    new { reference = "880013", state = "pending" },
                },
            },
            new
            {
                customerId = HanId, name = "Han Meimei", segment = "retail", accountNumber = HanAccount, cardNumber = HanCard,
                pinHash = PinHashing.Hash(HanPin, PinHashing.MinimumIterations), currency = "USD",
                availableMinor = -500L, ledgerMinor = 0L,
            },
        },
    };
}
