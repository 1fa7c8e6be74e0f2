namespace Appliance.Host.Hosting;

/// <summary>
/// The appliance's data directory (<c>--data</c>): the database, logs, recordings and control socket live here.
/// Registered as a singleton so components can resolve their files against it.
/// </summary>
public sealed class ApplianceDataDirectory
{
    public ApplianceDataDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The absolute path of the directory.</summary>
    public string Path { get; }

    /// <summary>
    /// Resolves a setting that names a file: relative paths are taken inside the data directory, absolute ones as they are.
    /// </summary>
    public string Resolve(string relativeOrAbsolutePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativeOrAbsolutePath);
        return System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relativeOrAbsolutePath));
    }

    /// <summary>Creates the directory if it is missing.</summary>
    /// <exception cref="IOException">It cannot be created (the message names it).</exception>
    public void EnsureExists()
    {
        try
        {
            Directory.CreateDirectory(Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot create the data directory {Path}: {ex.Message}", ex);
        }
    }

    public override string ToString() => Path;
}
