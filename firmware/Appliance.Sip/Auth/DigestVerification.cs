namespace Appliance.Sip.Auth;

/// <summary>The verdict, and the user name the request claimed (for logs and ban counting; trusted only when authenticated).</summary>
public sealed record DigestVerification(DigestVerdict Verdict, string? Username)
{
    public bool IsAuthenticated => Verdict == DigestVerdict.Authenticated;
}
