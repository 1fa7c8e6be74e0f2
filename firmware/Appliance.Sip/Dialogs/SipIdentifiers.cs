using System.Security.Cryptography;

namespace Appliance.Sip.Dialogs;

/// <summary>
/// Fresh tags, branches and Call-IDs. RFC 3261 §19.3 asks for at least 32 bits of randomness; these carry 96, from the
/// cryptographic generator so that an off-path attacker cannot guess a dialog and forge a BYE.
/// </summary>
public static class SipIdentifiers
{
    /// <summary>A From/To tag.</summary>
    public static string NewTag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>A Via branch with the RFC 3261 magic cookie.</summary>
    public static string NewBranch() => Messages.ViaHeader.MagicCookie + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>A Call-ID, unique across space and time.</summary>
    public static string NewCallId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
