using System.Reflection;
using System.Runtime.InteropServices;

namespace Appliance.Host.Control;

/// <summary>What <c>appliance version</c> prints and <c>GET /v1/version</c> answers.</summary>
public sealed record VersionInfo(
    string Version,
    string InformationalVersion,
    string Runtime,
    string OperatingSystem,
    string Architecture)
{
    /// <summary>The running build's version, read from the appliance assembly's attributes.</summary>
    public static VersionInfo Current { get; } = Read();

    private static VersionInfo Read()
    {
        var assembly = typeof(VersionInfo).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";

        // The informational version carries "+<commit>" from the build; the plain version stops before it.
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        var version = plus > 0 ? informational[..plus] : informational;
        return new VersionInfo(
            version,
            informational,
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.OSDescription,
            RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant());
    }
}
