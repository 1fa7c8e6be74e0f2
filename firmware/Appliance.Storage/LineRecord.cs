namespace Appliance.Storage;

/// <summary>A PSTN line port and where its callers go.</summary>
/// <param name="Port">The line card port, from 1.</param>
/// <param name="Name">A display name, e.g. "Main number".</param>
/// <param name="EntryMenu">The menu callers on this line enter, or null while the line is not routed anywhere.</param>
/// <param name="Enabled">Whether the line answers calls.</param>
public sealed record LineRecord(int Port, string Name, string? EntryMenu, bool Enabled = true);
