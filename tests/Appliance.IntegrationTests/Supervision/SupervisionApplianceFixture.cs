using System.Text.Json.Nodes;
using Appliance.IntegrationTests.Sip;
using Appliance.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.IntegrationTests.Supervision;

/// <summary>
/// The appliance on its simulated board with the demo agents (1001 answers the general queue first, speaking 1400 Hz)
/// and a simulated supervisor, 3001, whose phone answers after half a second and speaks 2000 Hz.
/// </summary>
public sealed class SupervisionApplianceFixture : SipApplianceFixture
{
    internal const string SupervisorId = "3001";
    internal const double SupervisorHz = 2000;

    protected override bool NeedsConfiguration => true;

    internal ApplianceDatabase OpenDatabase() =>
        new(Path.Combine(DataDirectory, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System);

    /// <summary>Runs `appliance supervise` with <paramref name="arguments"/> against this appliance.</summary>
    internal Task<(int ExitCode, string StdOut, string StdErr)> SuperviseAsync(params string[] arguments) =>
        ApplianceProcess.RunVerbAsync(["supervise", "--data", DataDirectory, .. arguments]);

    protected override void Edit(JsonNode configuration)
    {
        var supervisor = Agent(configuration, SupervisorId).AsObject();
        supervisor["name"] = "Supervisor " + SupervisorId;
        supervisor["supervisor"] = true;
        supervisor["simulated"] = new JsonObject { ["answerAfterMilliseconds"] = 500, ["toneHz"] = SupervisorHz };
    }
}
