using System.ComponentModel.DataAnnotations;

namespace Appliance.Host.Control;

/// <summary>The local control socket that the CLI verbs talk to (section "Control").</summary>
public sealed class ControlOptions
{
    public const string SectionName = "Control";

    /// <summary>The Unix domain socket file, relative to the data directory unless absolute.</summary>
    [Required]
    public string SocketFile { get; set; } = "appliance.ctl";
}
