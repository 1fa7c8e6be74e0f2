using System.Text.Json.Nodes;

namespace Appliance.IntegrationTests.Sip;

/// <summary>
/// The SIP agent appliance with pause reasons 1 (break) and 2 (lunch) configured, and its trunk named at 127.0.0.2 (which
/// never sends anything) so that the phone's INVITEs from 127.0.0.1 are a phone's, not the demo trunk's.
/// </summary>
public sealed class SipFeatureCodeApplianceFixture : SipAgentApplianceFixture
{
    protected override string[] ExtraArguments => [.. base.ExtraArguments, "--set", "Sip:Trunks:Sources:gateway=127.0.0.2"];

    protected override void Edit(JsonNode configuration)
    {
        base.Edit(configuration);
        configuration["pauseReasons"] = new JsonArray(
            new JsonObject { ["code"] = "1", ["name"] = "break" },
            new JsonObject { ["code"] = "2", ["name"] = "lunch" });
    }
}
