namespace Appliance.IntegrationTests.Sip.Softphones;

/// <summary>
/// A fact that needs the named programs (baresip, linphonec, sipp: Debian packages baresip, linphone-cli and sip-tester,
/// installed by tests/run-all.sh); skipped where any is missing.
/// </summary>
public sealed class SoftphoneFactAttribute : FactAttribute
{
    public SoftphoneFactAttribute(params string[] programs)
    {
        Programs = programs;
        var missing = programs.Where(program => SipPeers.Find(program) is null).ToList();
        if (missing.Count > 0)
        {
            Skip = $"Not installed: {string.Join(", ", missing)} (tests/run-all.sh installs baresip, linphone-cli and sip-tester).";
        }
    }

    public IReadOnlyList<string> Programs { get; }
}
