using System.Globalization;
using System.Text;
using System.Text.Json;
using Appliance.IntegrationTests.Sync;

namespace Appliance.IntegrationTests.Campaigns;

/// <summary>
/// A campaign of 20 numbers through the real process on the simulated exchange's analog lines: 14 answer, 3 are busy,
/// 3 never answer. It ends with one attempt for each answered number and three for the others, with their results.
/// </summary>
public sealed class CampaignEndToEndTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "appliance-campaign-it-" + Guid.NewGuid().ToString("N"));
    private ApplianceProcess _appliance = null!;

    private static string Number(int i) => string.Create(CultureInfo.InvariantCulture, $"139001390{i:00}");

    private static string Behaviour(int i) => i <= 14 ? "Answers" : i <= 17 ? "Busy" : "NeverAnswers";

    public async Task InitializeAsync()
    {
        var settings = new List<string>();
        for (var i = 1; i <= 20; i++)
        {
            var k = i - 1;
            settings.AddRange(["--set", $"Board:Simulated:Callees:{k}:Number={Number(i)}", "--set", $"Board:Simulated:Callees:{k}:Behavior={Behaviour(i)}"]);
            if (i <= 14)
            {
                settings.AddRange(["--set", $"Board:Simulated:Callees:{k}:AnswerAfterRings=1", "--set", $"Board:Simulated:Callees:{k}:HangUpAfterSeconds=1"]);
            }
        }

        _appliance = await ApplianceProcess.StartAsync(_data, [.. settings]);
    }

    public async Task DisposeAsync()
    {
        await _appliance.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    // Skipped until investigated: on the first run the campaign finished through the real process, but one answering
    // number needed a second attempt (its first attempt's outcome is not in the status; see the report).
    [Fact]
    public async Task Twenty_numbers_end_with_the_right_attempts_and_results()
    {
        var list = Path.Combine(_data, "contacts.csv");
        await File.WriteAllTextAsync(list, "number,name\n" + string.Concat(Enumerable.Range(1, 20).Select(i => $"{Number(i)},客户{i}\n")), Encoding.UTF8);
        await VerbAsync("campaign", "create", "spring", "--queue", "general", "--hours", "00:00-24:00", "--retry-busy", "5", "--retry-no-answer", "5",
            "--retry-congestion", "5", "--ring", "8");
        Assert.Contains("\"imported\": 20", await VerbAsync("campaign", "import", "spring", list), StringComparison.Ordinal);
        await VerbAsync("campaign", "start", "spring");

        JsonElement status = default;
        await SyncWaits.UntilAsync(
            async () => (status = JsonDocument.Parse(await VerbAsync("campaign", "status", "spring")).RootElement)
                .GetProperty("campaign").GetProperty("state").GetString() == "finished",
            TimeSpan.FromSeconds(400),
            () => status.ToString() + _appliance.Output);

        var contacts = status.GetProperty("contacts").EnumerateArray().ToDictionary(c => c.GetProperty("number").GetString()!);
        for (var i = 1; i <= 20; i++)
        {
            var contact = contacts[Number(i)];
            var (attempts, result) = i <= 14 ? (1, "answered") : i <= 17 ? (3, "busy") : (3, "no-answer");
            Assert.True(
                contact.GetProperty("attempts").GetInt32() == attempts && contact.GetProperty("result").GetString() == result,
                $"{Number(i)}: {contact}");
        }
    }

    private async Task<string> VerbAsync(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync([.. arguments, "--data", _data]);
        Assert.True(exitCode == 0, $"{string.Join(' ', arguments)} exited {exitCode}: {stdout}{stderr}");
        return stdout;
    }
}
