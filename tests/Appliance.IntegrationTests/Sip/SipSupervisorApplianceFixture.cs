using System.Text.Json.Nodes;

namespace Appliance.IntegrationTests.Sip;

/// <summary>
/// The SIP agent appliance where the SIP agent 2001 is a supervisor and the demo queue "general" is served by the
/// simulated agent 1001; its trunk is at 127.0.0.2, so that INVITEs from 127.0.0.1 are the supervisor's phone's.
/// </summary>
public sealed class SipSupervisorApplianceFixture : SipAgentApplianceFixture
{
    protected override string[] ExtraArguments => [.. base.ExtraArguments, "--set", "Sip:Trunks:Sources:gateway=127.0.0.2"];

    protected override void Edit(JsonNode configuration)
    {
        base.Edit(configuration);
        Agent(configuration, Extension)["supervisor"] = true;
        GeneralQueueMembers(configuration, "1001");
    }
}
