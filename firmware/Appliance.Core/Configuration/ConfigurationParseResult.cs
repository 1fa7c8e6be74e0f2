namespace Appliance.Core.Configuration;

/// <summary>A read document: the configuration, or the errors that stopped it being read.</summary>
public sealed record ConfigurationParseResult(CallCenterConfiguration? Configuration, IReadOnlyList<ConfigurationError> Errors)
{
    /// <summary>A document that was read.</summary>
    public static ConfigurationParseResult Parsed(CallCenterConfiguration configuration) => new(configuration, []);

    /// <summary>A document that could not be read.</summary>
    public static ConfigurationParseResult Failed(ConfigurationError error) => new(null, [error]);
}
