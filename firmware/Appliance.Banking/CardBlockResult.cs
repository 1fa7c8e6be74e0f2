namespace Appliance.Banking;

/// <summary>The answer to a lost-card report.</summary>
/// <param name="Reference">The core bank's reference for the block, read back to the caller (digits only).</param>
/// <param name="MaskedCard">The blocked card, masked.</param>
/// <param name="AlreadyBlocked">Whether the card was blocked before this report.</param>
public sealed record CardBlockResult(string Reference, string MaskedCard, bool AlreadyBlocked);
