using System.ComponentModel.DataAnnotations;

namespace Appliance.Core;

/// <summary>Where the call center keeps its files and which prompt language it speaks. Section "CallCenter".</summary>
public sealed class CallCenterOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "CallCenter";

    /// <summary>Recordings folder; relative paths are under the data directory.</summary>
    [Required]
    public string RecordingsDirectory { get; set; } = "recordings";

    /// <summary>Prompt folder holding one subfolder per language; relative paths are under the program's folder.</summary>
    [Required]
    public string PromptsDirectory { get; set; } = "prompts";

    /// <summary>The prompt language: a subfolder of <see cref="PromptsDirectory"/>, e.g. "en" or "zh".</summary>
    [Required]
    [RegularExpression("^[a-z]{2,3}$", ErrorMessage = "must be a language folder name such as en or zh")]
    public string Language { get; set; } = "en";

    /// <summary>
    /// Record from answer, so the self-service part (menus, identify, the queue) is in the call's recording too, with
    /// silence during card and PIN entry. Off: only the bridged conversation with agents is recorded.
    /// </summary>
    public bool RecordSelfService { get; set; }

    /// <summary>Menu for lines that have no entry menu configured.</summary>
    [Required]
    public string DefaultMenu { get; set; } = "main";
}
