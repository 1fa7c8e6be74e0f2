using System.Net;
using System.Text;
using Appliance.Banking;
using Appliance.Banking.Simulated;
using Appliance.Host.Cli;
using Appliance.Host.Cli.Verbs;
using Appliance.Host.Tests.Support;
using Appliance.Host.Tests.Tickets;
using Appliance.Storage;
using Appliance.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Host.Tests.Banking;

/// <summary>
/// <c>appliance bank show|outage</c> and /v1/bank against the running appliance over the demo seed: what they show and
/// switch, and bad input that gets a clear error and changes nothing.
/// </summary>
public sealed class BankControlTests : IAsyncLifetime
{
    private const string Card = "6222021234567890"; // the demo seed's first customer
    private readonly TempDataDirectory _data = new();
    private SimulatedCoreBank _bank = null!;
    private InProcessAppliance _appliance = null!;

    public async Task InitializeAsync()
    {
        _bank = new SimulatedCoreBank(
            Path.Combine(RepositoryFiles.Root, "firmware", "Appliance.Host", "Banking", "demo-seed.json"),
            _data.File("banking/card-state.json"),
            new BankingOptions { SimulatedLatencyMilliseconds = 0 },
            new ManualTimeProvider(),
            NullLogger<SimulatedCoreBank>.Instance);
        _appliance = await InProcessAppliance.StartAsync(_data, services => services.AddSingleton(_bank));
    }

    public async Task DisposeAsync()
    {
        await _appliance.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Show_prints_the_customer_with_masked_numbers_only()
    {
        var result = await BankAsync("show", Card);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains($"C1001 Li Lei: account {AccountMasking.Mask("6222020200112345678")}, card {AccountMasking.Mask(Card)} Active, available 12345.50 CNY", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Card, result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0000000000000000")]
    [InlineData("../../etc/passwd")]
    public async Task Show_of_an_unknown_number_fails_clearly(string key)
    {
        var result = await BankAsync("show", key);

        Assert.NotEqual(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("knows no such account, card or customer", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Outage_switches_on_and_off_and_a_bad_state_is_refused_leaving_it_as_it_was()
    {
        var on = await BankAsync("outage", "on");
        Assert.True(on.ExitCode == ExitCodes.Ok, on.ToString());
        Assert.Contains("outage on", on.Output, StringComparison.Ordinal);
        Assert.True(_bank.OutageActive);

        var bad = await BankAsync("outage", "maybe");
        Assert.NotEqual(ExitCodes.Ok, bad.ExitCode);
        Assert.Contains("maybe", bad.Error, StringComparison.Ordinal);
        Assert.True(_bank.OutageActive);

        var off = await BankAsync("outage", "off");
        Assert.True(off.ExitCode == ExitCodes.Ok, off.ToString());
        Assert.False(_bank.OutageActive);
    }

    [Theory]
    [InlineData("{}", "application/json", "active")]
    [InlineData("{\"active\": \"yes\"}", "application/json", "active")]
    [InlineData("{\"active\": true, \"colour\": \"red\"}", "application/json", "colour")]
    [InlineData("{\"active\": tru", "application/json", "not an outage switch")]
    [InlineData("active=false", "text/plain", "must be JSON")]
    public async Task A_bad_outage_body_gets_400_naming_the_problem_and_switches_nothing(string body, string contentType, string expected)
    {
        _bank.SetOutage(true);
        using var client = UnixSocketHttp.Create(_data.SocketPath);

        using var response = await client.PutAsync("v1/bank/outage", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(_bank.OutageActive); // an empty object must not end the outage
    }

    [Fact]
    public async Task A_customer_lookup_over_http_never_answers_with_a_full_number()
    {
        using var client = UnixSocketHttp.Create(_data.SocketPath);

        using var found = await client.GetAsync($"v1/bank/customers/{Card}");
        using var missing = await client.GetAsync("v1/bank/customers/123");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var body = await found.Content.ReadAsStringAsync();
        Assert.Contains(AccountMasking.Mask(Card), body, StringComparison.Ordinal);
        Assert.DoesNotContain(Card, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("12ab")]
    [InlineData("98")]
    [InlineData("")]
    public async Task Hash_pin_refuses_a_pin_that_is_not_4_to_12_digits_without_echoing_it(string pin)
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exitCode = await BankVerbs.HashPinAsync(new StringReader(pin + "\n"), new CliConsole(output, error, new Dictionary<string, string?>()));

        Assert.Equal(ExitCodes.InvalidConfiguration, exitCode);
        Assert.StartsWith("stdin: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing hashed", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
        if (pin.Length > 0)
        {
            Assert.DoesNotContain(pin, error.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hash_pin_prints_a_salted_hash_that_verifies_the_pin()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exitCode = await BankVerbs.HashPinAsync(new StringReader("246810\n"), new CliConsole(output, error, new Dictionary<string, string?>()));

        Assert.Equal(ExitCodes.Ok, exitCode);
        var hash = output.ToString().Trim();
        Assert.True(PinHashing.Verify("246810", hash));
        Assert.False(PinHashing.Verify("246811", hash));
        Assert.DoesNotContain("246810", hash, StringComparison.Ordinal);
    }

    private Task<CliResult> BankAsync(params string[] arguments) => CliRun.InvokeAsync(["bank", .. arguments, "--data", _data.Path]);
}
