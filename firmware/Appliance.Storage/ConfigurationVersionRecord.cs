namespace Appliance.Storage;

/// <summary>One accepted version of the call center's configuration document.</summary>
/// <param name="Version">1 for the first, one more for each accepted change.</param>
/// <param name="AppliedAt">When it was accepted.</param>
/// <param name="Source">Who or what made it: "import by cli", "demo", "converted from tables"…</param>
/// <param name="Document">The document's canonical JSON.</param>
/// <param name="Sha256">The SHA-256 of <paramref name="Document"/> (UTF-8), lowercase hex.</param>
public sealed record ConfigurationVersionRecord(long Version, DateTimeOffset AppliedAt, string Source, string Document, string Sha256);
