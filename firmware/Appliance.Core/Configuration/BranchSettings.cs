namespace Appliance.Core.Configuration;

/// <summary>The branch as a whole: the time zone its hours are kept in and the languages its callers hear.</summary>
public sealed record BranchSettings
{
    /// <summary>An IANA time zone id, e.g. "Asia/Shanghai"; opening hours and holidays are in this zone.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Prompt languages the branch offers (prompt folders), first is the default, e.g. ["zh", "en"].</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["en"];
}
