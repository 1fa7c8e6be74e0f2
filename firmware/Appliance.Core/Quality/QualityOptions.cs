namespace Appliance.Core.Quality;

/// <summary>Quality assurance: the scorecards reviewers score calls on, and how much of each agent's week is sampled (section "Quality").</summary>
public sealed class QualityOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Quality";

    /// <summary>Percent (1–100) of each agent's recorded calls drawn into a week's review list; at least one call per agent who had any.</summary>
    public int SamplePercent { get; set; } = 5;

    /// <summary>
    /// Whether the box draws each week's review list by itself (<see cref="QaSamplingSchedule"/>), besides
    /// <c>appliance qa sample</c>.
    /// </summary>
    public bool AutoSample { get; set; } = true;

    /// <summary>
    /// Minutes (0–1440) after a QA week ends (Monday 00:00 UTC, see <see cref="QaWeek"/>) that its review list is drawn:
    /// time for the last calls of Sunday night to be written before the draw.
    /// </summary>
    public int AutoSampleDelayMinutes { get; set; } = 120;

    /// <summary>The scorecards, by unique name; none means calls cannot be scored yet.</summary>
    public List<ScorecardOptions> Scorecards { get; set; } = [];
}
