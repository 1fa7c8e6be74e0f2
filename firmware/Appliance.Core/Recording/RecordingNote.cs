namespace Appliance.Core.Recording;

/// <summary>A recording <see cref="RecordingVerifier"/> could not vouch for and did not count as a problem.</summary>
/// <param name="Kind">Why it was left out.</param>
/// <param name="Name">The file (path).</param>
/// <param name="Detail">Why, in words.</param>
public sealed record RecordingNote(RecordingNoteKind Kind, string Name, string Detail)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{(Kind == RecordingNoteKind.InProgress ? "IN PROGRESS" : "UNCHAINED")} {Name}: {Detail}";
}
