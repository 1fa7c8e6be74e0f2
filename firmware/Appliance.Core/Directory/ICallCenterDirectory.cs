using Appliance.Core.Configuration;

namespace Appliance.Core.Directory;

/// <summary>
/// The configuration in force as the call flows read it. Lookups are in memory (the media loop never waits on the
/// database); a new configuration replaces the whole view at once, and a call keeps the menu it is in.
/// </summary>
public interface ICallCenterDirectory
{
    /// <summary>The version in force (0 before any).</summary>
    long Version { get; }

    /// <summary>The branch's time zone and languages.</summary>
    BranchSettings Branch { get; }

    /// <summary>The branch's time zone, resolved.</summary>
    TimeZoneInfo TimeZone { get; }

    /// <summary>The entry point line <paramref name="port"/> belongs to, or null when the line is in none.</summary>
    EntryPointConfig? EntryPointForLine(int port);

    /// <summary>
    /// The entry point a call enters at, most specific first: the number it dialled (DID), then the SIP trunk it came
    /// from, then its analog line; null when none matches (the call takes the default menu).
    /// </summary>
    EntryPointConfig? EntryPointFor(string? dialledNumber, string? trunk, int? line);

    /// <summary>A menu by name, or null.</summary>
    MenuConfig? Menu(string name);

    /// <summary>A calendar by name, or null.</summary>
    CalendarConfig? Calendar(string name);

    /// <summary>A queue by name, or null.</summary>
    QueueDefinition? Queue(string name);

    /// <summary>An agent by id, or null.</summary>
    AgentDefinition? Agent(string id);

    /// <summary>The caller's VIP priority (1–10), or 0 for an ordinary caller.</summary>
    int VipPriority(string? callerNumber);

    /// <summary>A configured pause reason by code (e.g. "1"), or null; none unless the directory knows of any.</summary>
    PauseReasonConfig? PauseReason(string code) => null;

    /// <summary>Every configured queue.</summary>
    IReadOnlyCollection<QueueDefinition> AllQueues { get; }

    /// <summary>Every configured agent.</summary>
    IReadOnlyList<AgentDefinition> Agents { get; }
}
