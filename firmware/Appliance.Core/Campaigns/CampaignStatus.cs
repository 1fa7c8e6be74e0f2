using Appliance.Storage;

namespace Appliance.Core.Campaigns;

/// <summary>A campaign as the dialler sees it now.</summary>
/// <param name="Campaign">Its settings and state.</param>
/// <param name="Contacts">Its contacts with attempts, schedule and results, in list order.</param>
/// <param name="Results">How many contacts ended with each result.</param>
/// <param name="Offered">Preview mode: the contact waiting for an agent to accept it, or null.</param>
public sealed record CampaignStatus(
    CampaignRecord Campaign, IReadOnlyList<CampaignContactRecord> Contacts, IReadOnlyDictionary<string, int> Results, CampaignContactRecord? Offered);
