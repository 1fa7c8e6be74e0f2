namespace Appliance.IntegrationTests.Sip;

/// <summary>The SIP agent appliance with a low ban threshold, on its own so a ban here cannot disturb other tests.</summary>
public sealed class SipSecurityApplianceFixture : SipAgentApplianceFixture
{
    internal const int MaxFailures = 3;

    protected override string[] ExtraArguments =>
        [.. base.ExtraArguments, "--set", $"Sip:Security:MaxFailures={MaxFailures}", "--set", "Sip:Security:BanSeconds=600"];
}
