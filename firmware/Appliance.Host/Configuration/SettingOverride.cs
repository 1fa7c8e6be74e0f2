namespace Appliance.Host.Configuration;

/// <summary>One <c>--set Section:Key=value</c> from the command line.</summary>
public sealed record SettingOverride(string Key, string Value)
{
    /// <summary>
    /// Parses <c>Section:Key=value</c>. The value may be empty (to clear a setting) and may itself contain '='.
    /// </summary>
    /// <exception cref="ConfigurationFileException">The text has no '=' or no key before it.</exception>
    public static SettingOverride Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separator = text.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw new ConfigurationFileException(
                $"--set '{text}': expected Section:Key=value (for example --set Board:Simulated:LineCount=8)");
        }

        var key = text[..separator].Trim();
        if (key.Length == 0 || key.StartsWith(':') || key.EndsWith(':') || key.Contains("::", StringComparison.Ordinal))
        {
            throw new ConfigurationFileException($"--set '{text}': '{key}' is not a setting path like Section:Key");
        }

        return new SettingOverride(key, text[(separator + 1)..]);
    }
}
