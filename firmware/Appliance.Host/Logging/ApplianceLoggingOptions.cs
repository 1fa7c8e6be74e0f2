using System.ComponentModel.DataAnnotations;

namespace Appliance.Host.Logging;

/// <summary>
/// Where and how much the appliance logs (section "Log"). Levels are set in the "Serilog" section
/// (Serilog:MinimumLevel:Default, Serilog:MinimumLevel:Override:&lt;category&gt;).
/// </summary>
public sealed class ApplianceLoggingOptions
{
    public const string SectionName = "Log";

    /// <summary>Folder of the rolling log files, relative to the data directory unless absolute.</summary>
    [Required]
    public string Directory { get; set; } = "logs";

    /// <summary>How many daily (or size-rolled) files to keep; older ones are deleted.</summary>
    [Range(1, 3650)]
    public int RetainedFileCountLimit { get; set; } = 14;

    /// <summary>Size at which a file is closed and a new one started, so one noisy day cannot fill the disk.</summary>
    [Range(1, 10240)]
    public int FileSizeLimitMegabytes { get; set; } = 64;

    /// <summary>Also write to standard output (systemd's journal picks it up).</summary>
    public bool Console { get; set; } = true;
}
