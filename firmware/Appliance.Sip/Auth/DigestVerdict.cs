namespace Appliance.Sip.Auth;

/// <summary>What <see cref="DigestChallenger.Verify"/> made of a request's credentials.</summary>
public enum DigestVerdict
{
    /// <summary>Correct credentials on a live nonce we issued.</summary>
    Authenticated,

    /// <summary>No credentials for our realm: challenge.</summary>
    Missing,

    /// <summary>Correct credentials on an expired nonce: challenge again with stale=true (RFC 2617 §3.2.1).</summary>
    Stale,

    /// <summary>Unknown user, wrong password, forged nonce or malformed header; deliberately not told apart.</summary>
    Rejected,
}
