namespace Appliance.Telephony.Channels;

/// <summary>Who is calling, as the line or the signalling told us. Either part may be unknown.</summary>
/// <param name="Number">The number, or null when none was received (or withheld).</param>
/// <param name="Name">The name, or null.</param>
/// <param name="AbsenceReason">Why the number is missing ('O' unavailable, 'P' private), when the network said.</param>
public sealed record CallerIdentity(string? Number, string? Name, char? AbsenceReason = null)
{
    /// <summary>Nothing known about the caller.</summary>
    public static CallerIdentity Unknown { get; } = new(null, null);
}
