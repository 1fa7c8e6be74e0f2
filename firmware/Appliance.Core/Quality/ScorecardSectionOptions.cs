namespace Appliance.Core.Quality;

/// <summary>A section of a scorecard, e.g. "Opening" or "Compliance".</summary>
public sealed class ScorecardSectionOptions
{
    /// <summary>The section's title.</summary>
    public string Name { get; set; } = "";

    /// <summary>The questions, in order.</summary>
    public List<ScorecardQuestionOptions> Questions { get; set; } = [];
}
