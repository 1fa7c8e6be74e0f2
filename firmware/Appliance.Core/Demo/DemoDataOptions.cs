using System.ComponentModel.DataAnnotations;

namespace Appliance.Core.Demo;

/// <summary>The demo configuration a simulated box starts with when its database is empty. Section "Demo".</summary>
public sealed class DemoDataOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Demo";

    /// <summary>Seed the demo configuration into an empty database on a simulated board.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many simulated agents to create.</summary>
    [Range(1, 1000)]
    public int AgentCount { get; set; } = 2;

    /// <summary>How long a simulated agent's phone rings before it answers.</summary>
    [Range(0, 120)]
    public double AgentAnswerSeconds { get; set; } = 3;

    /// <summary>How much later each further simulated agent answers, so ring-all visibly picks the quickest.</summary>
    [Range(0, 60)]
    public double AgentAnswerStaggerSeconds { get; set; } = 2;

    /// <summary>The tone the first simulated agent "speaks"; the next four are 200 Hz higher each, then the steps repeat.</summary>
    [Range(300, 3000)]
    public int AgentToneHz { get; set; } = 1400;

    /// <summary>After-call work the demo queue gives agents.</summary>
    [Range(0, 600)]
    public int WrapUpSeconds { get; set; } = 5;
}
