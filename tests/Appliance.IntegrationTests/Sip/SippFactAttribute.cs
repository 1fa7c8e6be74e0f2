namespace Appliance.IntegrationTests.Sip;

/// <summary>A fact that needs SIPp (Debian package sip-tester, installed by tests/run-all.sh); skipped where it is missing.</summary>
public sealed class SippFactAttribute : FactAttribute
{
    public SippFactAttribute()
    {
        if (SipPeers.Sipp is null)
        {
            Skip = "SIPp is not installed (apt-get install sip-tester).";
        }
    }
}
