namespace Appliance.Host.Configuration;

/// <summary>
/// Where the appliance's configuration comes from, lowest precedence first: the embedded defaults,
/// the <c>--config</c> JSON file, <c>APPLIANCE_*</c> environment variables, then <c>--set</c> overrides.
/// </summary>
/// <param name="ConfigFile">The <c>--config</c> file, or null for none.</param>
/// <param name="Overrides">The <c>--set</c> values in command-line order (a later one wins).</param>
/// <param name="Environment">The process environment; injected so tests do not touch the real one.</param>
public sealed record ApplianceConfigurationSources(
    string? ConfigFile,
    IReadOnlyList<SettingOverride> Overrides,
    IReadOnlyDictionary<string, string?> Environment)
{
    /// <summary>The prefix that marks an environment variable as an appliance setting.</summary>
    public const string EnvironmentPrefix = "APPLIANCE_";
}
