using Appliance.Storage;

namespace Appliance.Core.Campaigns.Internal;

/// <summary>A campaign's live state, owned by the media loop: its settings, contacts and the workers dialling them.</summary>
internal sealed class CampaignRun(CampaignRecord record, List<CampaignContactRecord> contacts)
{
    public CampaignRecord Record { get; set; } = record;

    public List<CampaignContactRecord> Contacts { get; } = contacts;

    /// <summary>Numbers an attempt (or a preview offer) is under way for.</summary>
    public HashSet<string> InFlight { get; } = new(StringComparer.Ordinal);

    /// <summary>Completes when the campaign is paused, finished or the box stops: the workers leave.</summary>
    public TaskCompletionSource Stop { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when something changed that may make a contact due (new contacts, an attempt ended).</summary>
    public TaskCompletionSource Poke { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Preview mode: the contact offered to the agents, waiting to be accepted.</summary>
    public CampaignContactRecord? Offered { get; set; }

    /// <summary>Preview mode: completes (true to dial, false to skip) when an agent answers the offer.</summary>
    public TaskCompletionSource<bool>? Accepted { get; set; }

    public int Workers { get; set; }

    public void Wake()
    {
        var poke = Poke;
        Poke = new(TaskCreationOptions.RunContinuationsAsynchronously);
        poke.TrySetResult();
    }

    public int IndexOf(string number) => Contacts.FindIndex(c => c.Number == number);
}
