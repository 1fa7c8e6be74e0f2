namespace Appliance.Core.Recording;

/// <summary>The real probe: asks the file system (statvfs) about the volume of the nearest existing folder.</summary>
public sealed class VolumeFreeSpaceProbe : IFreeSpaceProbe
{
    /// <inheritdoc />
    public long AvailableBytes(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var existing = Path.GetFullPath(directory);
        while (!System.IO.Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            existing = parent; // the dated folders are made with the first recording of the day
        }

        try
        {
            return new DriveInfo(existing).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is ArgumentException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot read the free space of {existing}: {ex.Message}", ex);
        }
    }
}
