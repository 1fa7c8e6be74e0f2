namespace Appliance.Sip.Registrar;

/// <summary>What a REGISTER amounted to, for the caller's security accounting and presence.</summary>
public enum SipRegistrationOutcome
{
    /// <summary>Authenticated and applied (bindings added, refreshed or removed).</summary>
    Accepted,

    /// <summary>No credentials yet, or a stale nonce: challenged, no failure to count.</summary>
    Challenged,

    /// <summary>Wrong password, unknown user or forged credentials: challenged again, and a failure to count.</summary>
    Rejected,

    /// <summary>Authenticated but refused (another user's address, bad Contact or expiry).</summary>
    Refused,
}
