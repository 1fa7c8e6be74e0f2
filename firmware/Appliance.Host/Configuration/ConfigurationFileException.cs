namespace Appliance.Host.Configuration;

/// <summary>
/// The configuration could not be loaded: a missing or malformed <c>--config</c> file, or a malformed <c>--set</c>.
/// The message always names the file or the argument at fault so a technician can fix it without reading code.
/// </summary>
public sealed class ConfigurationFileException : Exception
{
    public ConfigurationFileException()
    {
    }

    public ConfigurationFileException(string message)
        : base(message)
    {
    }

    public ConfigurationFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
