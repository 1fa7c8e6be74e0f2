using Appliance.Storage;

namespace Appliance.Core.Campaigns;

/// <summary>
/// Where the dialler keeps campaign changes. Both methods are called on the media loop and must return at once
/// (<see cref="BackgroundCampaignStore"/> writes them in order on a background task).
/// </summary>
public interface ICampaignStore
{
    /// <summary>Records a contact's attempts, schedule and result.</summary>
    void SaveContact(CampaignContactRecord contact);

    /// <summary>Records a campaign's state (running, paused, finished).</summary>
    void SetState(string campaign, string state);
}
