namespace Appliance.Core.Configuration;

/// <summary>What became of a configuration offered to <see cref="ConfigurationService.Apply(string, string)"/>.</summary>
/// <param name="Version">The version in force afterwards.</param>
/// <param name="Errors">Why it was refused; empty when it took effect (or was the same as the one in force).</param>
/// <param name="Changed">Whether a new version took effect (false when refused or identical to the version in force).</param>
public sealed record ConfigurationApplyResult(long Version, IReadOnlyList<ConfigurationError> Errors, bool Changed)
{
    /// <summary>Whether the configuration was accepted.</summary>
    public bool Accepted => Errors.Count == 0;
}
