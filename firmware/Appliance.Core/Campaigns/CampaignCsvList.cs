namespace Appliance.Core.Campaigns;

/// <summary>A contact list read from CSV.</summary>
/// <param name="Encoding">The encoding it was read in: "utf-8" or "gbk".</param>
/// <param name="Rows">The rows to call, in file order.</param>
/// <param name="SkippedDoNotCall">Rows left out because their number is on the do-not-call list.</param>
public sealed record CampaignCsvList(string Encoding, IReadOnlyList<CampaignContactRow> Rows, int SkippedDoNotCall);
