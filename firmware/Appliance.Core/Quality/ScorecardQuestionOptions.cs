namespace Appliance.Core.Quality;

/// <summary>
/// One question: answered with a whole number from 0 to <see cref="Max"/> (1 = a yes/no question), counting
/// <see cref="Weight"/> in the total. A fatal question is yes/no, and "no" (0) zeroes the whole score.
/// </summary>
public sealed class ScorecardQuestionOptions
{
    /// <summary>The question's id, unique within its scorecard, e.g. "greeting".</summary>
    public string Id { get; set; } = "";

    /// <summary>What the reviewer is asked.</summary>
    public string Text { get; set; } = "";

    /// <summary>How much the question counts (1–100) relative to the others.</summary>
    public int Weight { get; set; } = 1;

    /// <summary>The highest answer (1–10); 1 makes it a yes/no question.</summary>
    public int Max { get; set; } = 1;

    /// <summary>Whether "no" zeroes the score (e.g. the caller was not verified before account details were given).</summary>
    public bool Fatal { get; set; }
}
