namespace Appliance.Core.Recording;

/// <summary>One problem found by <see cref="RecordingVerifier"/>.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Name">The file (path) or chain link concerned.</param>
/// <param name="Detail">Why, in words.</param>
public sealed record RecordingFinding(RecordingFindingKind Kind, string Name, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind.ToString().ToUpperInvariant()} {Name}: {Detail}";
}
