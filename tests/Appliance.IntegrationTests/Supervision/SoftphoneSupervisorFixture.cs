using System.Text.Json.Nodes;
using Appliance.IntegrationTests.Sip;
using Appliance.IntegrationTests.Sip.Softphones;
using Appliance.Sip.Auth;
using Appliance.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.IntegrationTests.Supervision;

/// <summary>
/// The appliance with the demo's simulated agents and a SIP supervisor, 3001, for a real softphone (baresip), with a
/// known password stored as digest hashes only.
/// </summary>
public sealed class SoftphoneSupervisorFixture : SipApplianceFixture
{
    internal const string SupervisorId = "3001";
    internal const string Password = "it-Sv-3001-pw";
    internal const double SupervisorHz = 2000;

    protected override bool NeedsConfiguration => true;

    // MD5 only: baresip 1.0.0 cannot register when any challenge is SHA-256.
    protected override string[] ExtraArguments => ["--set", "Sip:Security:DigestAlgorithms=MD5", "--set", "Sip:Security:MaxFailures=1000"];

    internal SoftphoneAccount Account => new(SipPort, SupervisorId, Password, SupervisorHz);

    internal ApplianceDatabase OpenDatabase() =>
        new(Path.Combine(DataDirectory, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System);

    internal Task<(int ExitCode, string StdOut, string StdErr)> SuperviseAsync(params string[] arguments) =>
        ApplianceProcess.RunVerbAsync(["supervise", "--data", DataDirectory, .. arguments]);

    protected override void Edit(JsonNode configuration)
    {
        var supervisor = Agent(configuration, SupervisorId).AsObject();
        supervisor["name"] = "Softphone supervisor";
        supervisor["supervisor"] = true;
    }

    protected override void Configure()
    {
        using var database = OpenDatabase();
        new SipCredentialRepository(database).Set(
            SupervisorId,
            "appliance",
            DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, SupervisorId, "appliance", Password),
            DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, SupervisorId, "appliance", Password),
            DateTimeOffset.UtcNow);
    }
}
