namespace Appliance.Core.Quality;

/// <summary>A scoring form: sections of weighted questions.</summary>
public sealed class ScorecardOptions
{
    /// <summary>The scorecard's name, unique, e.g. "service".</summary>
    public string Name { get; set; } = "";

    /// <summary>The sections, in order; each has at least one question.</summary>
    public List<ScorecardSectionOptions> Sections { get; set; } = [];
}
