namespace Appliance.Core.Campaigns;

/// <summary>A contact list was refused; the message names the line and what is wrong with it. Nothing was stored.</summary>
public sealed class CampaignImportException(string message) : Exception(message);
