namespace Appliance.Core.Recording;

/// <summary>How much space is left for recordings; injected so tests can say "the disk is full" on the manual clock.</summary>
public interface IFreeSpaceProbe
{
    /// <summary>Bytes available to the appliance on the volume holding <paramref name="directory"/> (which may not exist yet).</summary>
    /// <exception cref="IOException">The volume cannot be asked.</exception>
    long AvailableBytes(string directory);
}
