namespace Appliance.Core.Configuration;

/// <summary>After a caller has waited <see cref="AfterSeconds"/>, agents with proficiency of at least <see cref="MinProficiency"/> are accepted.</summary>
public sealed record SkillWidening
{
    /// <summary>The wait after which this step applies.</summary>
    public int AfterSeconds { get; init; }

    /// <summary>The least proficiency accepted from then on (1 accepts anyone with the skill; 0 accepts any member).</summary>
    public int MinProficiency { get; init; }
}
