using System.Text.Json.Nodes;
using System.Text.Json;
using Appliance.Sip.Auth;
using Appliance.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.IntegrationTests.Sip.Softphones;

/// <summary>
/// The appliance with two SIP agents for real softphones, both members of the demo ring-all queue (digit 1 of the
/// menu): 1001 for baresip and 1002 for linphonec, each with a known password stored as digest hashes only.
/// </summary>
public sealed class SoftphoneApplianceFixture : SipApplianceFixture
{
    internal const string BaresipExtension = "1001";
    internal const string BaresipPassword = "it-Bs-1001-pw";
    internal const string LinphonecExtension = "1002";
    internal const string LinphonecPassword = "it-Lp-1002-pw";
    internal const double BaresipToneHz = 1400;
    internal const double LinphonecToneHz = 1600;

    protected override bool NeedsConfiguration => true;

    // MD5 only: baresip 1.0.0 cannot register when any challenge is SHA-256 (see Baresip). A high failure limit: a
    // wrong password makes baresip retry about 15 times at once, which would ban 127.0.0.1 for the tests that follow.
    protected override string[] ExtraArguments =>
        ["--set", "Sip:Security:DigestAlgorithms=MD5", "--set", "Sip:Security:MaxFailures=1000"];

    internal SoftphoneAccount BaresipAccount(string? password = null) =>
        new(SipPort, BaresipExtension, password ?? BaresipPassword, BaresipToneHz);

    internal SoftphoneAccount LinphonecAccount(string? password = null) =>
        new(SipPort, LinphonecExtension, password ?? LinphonecPassword, LinphonecToneHz);

    internal ApplianceDatabase OpenDatabase() =>
        new(Path.Combine(DataDirectory, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System);

    /// <summary>The extensions `appliance status` lists as registered.</summary>
    internal async Task<IReadOnlyList<string>> RegisteredExtensionsAsync()
    {
        var (exitCode, stdout, stderr) = await ApplianceProcess.RunVerbAsync("status", "--data", DataDirectory);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"appliance status failed ({exitCode}): {stderr}");
        }

        using var status = JsonDocument.Parse(stdout);
        return status.RootElement.GetProperty("sections").GetProperty("sip").GetProperty("registered")
            .EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList();
    }

    /// <summary>How many lines of the appliance's output contain <paramref name="text"/> so far.</summary>
    internal int OutputCount(string text) =>
        Appliance.Output.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));

    protected override void Edit(JsonNode configuration)
    {
        foreach (var extension in new[] { BaresipExtension, LinphonecExtension })
        {
            // Replaces the simulated demo agent of that extension with a real SIP one.
            var agent = Agent(configuration, extension).AsObject();
            agent["name"] = "Softphone " + extension;
            agent.Remove("simulated");
        }

        GeneralQueueMembers(configuration, BaresipExtension, LinphonecExtension);
    }

    protected override void Configure()
    {
        using var database = OpenDatabase();
        var credentials = new SipCredentialRepository(database);
        foreach (var (extension, password) in new[] { (BaresipExtension, BaresipPassword), (LinphonecExtension, LinphonecPassword) })
        {
            credentials.Set(
                extension,
                "appliance",
                DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, extension, "appliance", password),
                DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, extension, "appliance", password),
                DateTimeOffset.UtcNow);
        }
    }
}
