using System.Text.Json.Nodes;

namespace Appliance.IntegrationTests.Sip;

/// <summary>
/// The SIP appliance (demo trunk "demo" from 127.0.0.1) with two more entry points: the DID 95566 (a card hotline) and
/// everything else the demo trunk brings in.
/// </summary>
public sealed class SipDidApplianceFixture : SipApplianceFixture
{
    protected override bool NeedsConfiguration => true;

    protected override void Edit(JsonNode configuration)
    {
        var entryPoints = configuration["entryPoints"]!.AsArray();
        var menu = (string)entryPoints[0]!["menu"]!;
        entryPoints.Add(new JsonObject { ["name"] = "cards-hotline", ["numbers"] = new JsonArray("95566"), ["menu"] = menu });
        entryPoints.Add(new JsonObject { ["name"] = "trunk-calls", ["trunks"] = new JsonArray("demo"), ["menu"] = menu });
    }
}
