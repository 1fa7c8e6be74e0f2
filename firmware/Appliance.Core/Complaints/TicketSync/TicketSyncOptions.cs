using System.ComponentModel.DataAnnotations;

namespace Appliance.Core.Complaints.TicketSync;

/// <summary>How the box pulls head office's ticket changes. Section "Sync:Tickets"; pulls only when a head office is configured.</summary>
public sealed class TicketSyncOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Sync:Tickets";

    /// <summary>How often head office is asked for changes.</summary>
    [Range(1, 86400)]
    public int PullIntervalSeconds { get; set; } = 15;

    /// <summary>Most changes asked for per pull (more are fetched at once if the answer was full).</summary>
    [Range(1, 500)]
    public int MaxChangesPerPull { get; set; } = 100;
}
