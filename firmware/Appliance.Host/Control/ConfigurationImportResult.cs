namespace Appliance.Host.Control;

/// <summary>What the appliance made of an imported configuration document.</summary>
/// <param name="Version">The configuration version in force afterwards.</param>
/// <param name="Changed">Whether the document became a new version (false when refused or identical to the one in force).</param>
/// <param name="Errors">Every error, each "path: message"; empty when accepted.</param>
public sealed record ConfigurationImportResult(long Version, bool Changed, IReadOnlyList<string> Errors);
