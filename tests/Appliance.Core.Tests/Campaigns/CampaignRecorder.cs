using System.Collections.Concurrent;
using Appliance.Core.Campaigns;
using Appliance.Storage;

namespace Appliance.Core.Tests.Campaigns;

/// <summary>Keeps what the dialler stores, last write wins, as the database would.</summary>
internal sealed class CampaignRecorder : ICampaignStore
{
    public ConcurrentDictionary<string, CampaignContactRecord> Contacts { get; } = new();

    public ConcurrentDictionary<string, string> States { get; } = new();

    public void SaveContact(CampaignContactRecord contact) => Contacts[contact.Number] = contact;

    public void SetState(string campaign, string state) => States[campaign] = state;
}
