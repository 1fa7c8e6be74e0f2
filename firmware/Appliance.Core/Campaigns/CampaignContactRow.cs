namespace Appliance.Core.Campaigns;

/// <summary>A valid row of an imported contact list.</summary>
/// <param name="Line">Its line in the file (the header is line 1).</param>
/// <param name="Number">The digits to dial.</param>
/// <param name="Name">The customer's name, "" when the list has none.</param>
public sealed record CampaignContactRow(int Line, string Number, string Name);
