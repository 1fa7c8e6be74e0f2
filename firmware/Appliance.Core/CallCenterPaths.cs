namespace Appliance.Core;

/// <summary>Absolute folders the host resolved: the data directory and the program's own folder.</summary>
public sealed record CallCenterPaths(string DataDirectory, string ProgramDirectory)
{
    /// <summary>Resolves a configured path against <paramref name="baseDirectory"/> unless it is absolute.</summary>
    public static string Resolve(string baseDirectory, string configured) =>
        Path.IsPathRooted(configured) ? configured : Path.GetFullPath(Path.Combine(baseDirectory, configured));
}
