namespace Appliance.Core.Quality;

/// <summary>Quality assurance: the scorecards reviewers score calls on, and how much of each agent's week is sampled (section "Quality").</summary>
public sealed class QualityOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Quality";

    /// <summary>Percent (1–100) of each agent's recorded calls drawn into a week's review list; at least one call per agent who had any.</summary>
    public int SamplePercent { get; set; } = 5;

    /// <summary>The scorecards, by unique name; none means calls cannot be scored yet.</summary>
    public List<ScorecardOptions> Scorecards { get; set; } = [];
}
