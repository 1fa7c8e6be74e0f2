namespace Appliance.Host.Control;

/// <summary>The values of <see cref="SimCallResult.Outcome"/>.</summary>
public static class SimCallOutcomes
{
    public const string AnsweredByAgent = "answered-by-agent";
    public const string Abandoned = "abandoned";
    public const string EndedInMenu = "ended-in-menu";
    public const string Failed = "failed";

    public static IReadOnlyList<string> All { get; } = [AnsweredByAgent, Abandoned, EndedInMenu, Failed];
}
