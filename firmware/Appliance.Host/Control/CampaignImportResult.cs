namespace Appliance.Host.Control;

/// <summary>What an imported contact list added.</summary>
/// <param name="Imported">Contacts stored.</param>
/// <param name="SkippedDoNotCall">Rows left out because their number is on the do-not-call list.</param>
/// <param name="Encoding">The encoding the list was read in ("utf-8" or "gbk").</param>
public sealed record CampaignImportResult(int Imported, int SkippedDoNotCall, string Encoding);
