using System.Text.Json.Nodes;
using Appliance.Sip.Auth;
using Appliance.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.IntegrationTests.Sip;

/// <summary>
/// The appliance with one SIP agent, extension 2001, as the only member of the demo queue, with a known password stored
/// the way the appliance stores it (digest hashes only).
/// </summary>
public class SipAgentApplianceFixture : SipApplianceFixture
{
    internal const string Extension = "2001";
    internal const string Password = "it-Pw-2001-x";

    protected override bool NeedsConfiguration => true;

    // SIPp answers only the first challenge, and only MD5.
    protected override string[] ExtraArguments => ["--set", "Sip:Security:DigestAlgorithms=MD5"];

    internal ApplianceDatabase OpenDatabase() =>
        new(Path.Combine(DataDirectory, "appliance.db"), NullLogger<ApplianceDatabase>.Instance, TimeProvider.System);

    protected override void Edit(JsonNode configuration)
    {
        Agent(configuration, Extension)["name"] = "SIP agent";
        GeneralQueueMembers(configuration, Extension);
    }

    protected override void Configure()
    {
        using var database = OpenDatabase();
        new SipCredentialRepository(database).Set(
            Extension,
            "appliance",
            DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, Extension, "appliance", Password),
            DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, Extension, "appliance", Password),
            DateTimeOffset.UtcNow);
    }
}
