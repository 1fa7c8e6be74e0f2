namespace Appliance.Core.Configuration;

/// <summary>Open from <see cref="Open"/> to <see cref="Close"/> (24-hour "HH:mm", local time) on each of <see cref="Days"/>.</summary>
public sealed record OpeningHours
{
    /// <summary>Day names: "mon", "tue", "wed", "thu", "fri", "sat", "sun".</summary>
    public IReadOnlyList<string> Days { get; init; } = [];

    /// <summary>Opening time, "HH:mm".</summary>
    public string Open { get; init; } = "";

    /// <summary>Closing time, "HH:mm", after <see cref="Open"/>.</summary>
    public string Close { get; init; } = "";
}
