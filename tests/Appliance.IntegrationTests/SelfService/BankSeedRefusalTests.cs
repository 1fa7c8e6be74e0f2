namespace Appliance.IntegrationTests.SelfService;

/// <summary>A core-bank seed the simulated bank cannot use stops the start, naming the file and the line to fix.</summary>
public sealed class BankSeedRefusalTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "appliance-seed-" + Guid.NewGuid().ToString("N"));

    public BankSeedRefusalTests() => Directory.CreateDirectory(_data);

    [Fact]
    public async Task A_seed_with_a_bad_card_number_stops_the_start_naming_the_file_and_line()
    {
        var seed = Path.Combine(_data, "seed.json");
        await File.WriteAllTextAsync(seed, """
            {
              "customers": [
                {
                  "customerId": "C1",
                  "name": "Test",
                  "segment": "retail",
                  "accountNumber": "12345678",
                  "cardNumber": "1234",
                  "pinHash": "pbkdf2-sha256$100000$Zj/e1MRFZKTeaDc96L4Vww==$I/66TbMBNVMf7zZ8Ye+iVm2zyzPOkDPrEefQuXqFOQs=",
                  "currency": "CNY",
                  "availableMinor": 0,
                  "ledgerMinor": 0
                }
              ]
            }
            """);

        var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync("run", "--data", _data, "--set", "Banking:SeedFile=" + seed);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"{seed}:8: customers[0].cardNumber: must be 16-19 digits", stdout + stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data, "appliance.ctl")));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
