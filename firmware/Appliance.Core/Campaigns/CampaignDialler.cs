using Appliance.Core.Acd;
using Appliance.Core.Campaigns.Internal;
using Appliance.Core.Directory;
using Appliance.Core.Journal;
using Appliance.Storage;
using Appliance.Telephony.Clock;
using Microsoft.Extensions.Logging;

namespace Appliance.Core.Campaigns;

/// <summary>
/// Runs outbound campaigns on the media loop: each running campaign has one worker per member of its queue, which
/// takes the next due contact, waits for a free agent and dials agent first (<see cref="AcdService.CallOutAsync"/>).
/// All campaign state lives on the loop; the async methods here hop onto it, and changes are stored through
/// <see cref="ICampaignStore"/> so a restart resumes with attempts and schedule intact.
/// </summary>
public sealed class CampaignDialler
{
    private readonly MediaClock _clock;
    private readonly ICallCenterDirectory _directory;
    private readonly ICampaignStore _store;
    private readonly ILogger _logger;
    private readonly Dictionary<string, CampaignRun> _runs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _doNotCall = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _boxStopping = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CampaignWorker _worker;

    public CampaignDialler(MediaClock clock, AcdService acd, ICallCenterDirectory directory, ICampaignStore store, ICallJournal journal, ILogger<CampaignDialler> logger)
    {
        _clock = clock;
        _directory = directory;
        _store = store;
        _logger = logger;
        _worker = new CampaignWorker(clock, acd, directory, store, journal, logger, _doNotCall, _boxStopping.Task);
    }

    /// <summary>
    /// Puts the stored campaigns back (call once, on the loop, at start): an attempt that was under way when the box
    /// stopped has been counted and its contact is due again; running campaigns start dialling.
    /// </summary>
    public void Restore(IReadOnlyList<CampaignRecord> campaigns, Func<string, IReadOnlyList<CampaignContactRecord>> contactsOf, IReadOnlySet<string> doNotCall)
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(contactsOf);
        _doNotCall.UnionWith(doNotCall);
        foreach (var campaign in campaigns)
        {
            var contacts = contactsOf(campaign.Name).Select(c => c.Dialling ? c with { Dialling = false } : c).ToList();
            _runs[campaign.Name] = new CampaignRun(campaign, contacts);
            if (campaign.State == "running")
            {
                StartWorkers(_runs[campaign.Name]);
            }
        }

        CampaignLog.Restored(_logger, campaigns.Count, campaigns.Count(c => c.State == "running"));
    }

    /// <summary>Adds a campaign already stored (as a draft).</summary>
    public Task AddAsync(CampaignRecord campaign) => _clock.InvokeAsync(() => _runs.TryAdd(campaign.Name, new CampaignRun(campaign, [])));

    /// <summary>Adds contacts already stored to their campaign; a running campaign dials them when due.</summary>
    public Task AddContactsAsync(string campaign, IReadOnlyList<CampaignContactRecord> contacts) => _clock.InvokeAsync(() =>
    {
        if (_runs.TryGetValue(campaign, out var run))
        {
            run.Contacts.AddRange(contacts);
            run.Wake();
        }

        return run is not null;
    });

    /// <summary>Starts (or resumes) dialling; returns why not, or null.</summary>
    public Task<string?> StartAsync(string campaign) => OnRunAsync(campaign, run =>
    {
        if (run.Record.State is "running" or "finished")
        {
            return $"campaign '{campaign}' is already {run.Record.State}";
        }

        SetState(run, "running");
        StartWorkers(run);
        return null;
    });

    /// <summary>Stops taking new contacts (attempts under way finish); returns why not, or null.</summary>
    public Task<string?> PauseAsync(string campaign) => OnRunAsync(campaign, run =>
    {
        if (run.Record.State != "running")
        {
            return $"campaign '{campaign}' is {run.Record.State}, not running";
        }

        SetState(run, "paused");
        run.Stop.TrySetResult();
        return null;
    });

    /// <summary>Puts a number (already stored) on the do-not-call list: no campaign dials it from now on.</summary>
    public Task AddDoNotCallAsync(string number) => _clock.InvokeAsync(() => _doNotCall.Add(number));

    /// <summary>An agent's result code for a contact (final); returns why not, or null.</summary>
    public Task<string?> SetResultAsync(string campaign, string number, string code) => OnRunAsync(campaign, run =>
    {
        var index = run.IndexOf(number);
        if (index < 0)
        {
            return $"number {number} is not in campaign '{campaign}'";
        }

        run.Contacts[index] = run.Contacts[index] with { Result = code };
        _store.SaveContact(run.Contacts[index]);
        run.Wake();
        return null;
    });

    /// <summary>Preview mode: accepts (dials) or skips the contact on offer; returns why not, or null.</summary>
    public Task<string?> AnswerOfferAsync(string campaign, bool accept) => OnRunAsync(campaign, run =>
        run.Accepted is { } accepted && accepted.TrySetResult(accept) ? null : $"campaign '{campaign}' has no contact on offer");

    /// <summary>The campaign as it is now, or null if there is none of that name.</summary>
    public Task<CampaignStatus?> StatusAsync(string campaign) =>
        _clock.InvokeAsync(() => _runs.TryGetValue(campaign, out var run) ? Snapshot(run) : null);

    /// <summary>The box is stopping (call on the loop): workers leave, attempts under way stay stored as dialling.</summary>
    public void Suspend()
    {
        _boxStopping.TrySetResult();
        foreach (var run in _runs.Values)
        {
            run.Stop.TrySetResult();
        }
    }

    private static CampaignStatus Snapshot(CampaignRun run) => new(
        run.Record,
        [.. run.Contacts],
        run.Contacts.Where(c => c.Result is not null).GroupBy(c => c.Result!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        run.Offered);

    private Task<string?> OnRunAsync(string campaign, Func<CampaignRun, string?> change) =>
        _clock.InvokeAsync(() => _runs.TryGetValue(campaign, out var run) ? change(run) : $"there is no campaign '{campaign}'");

    private void SetState(CampaignRun run, string state)
    {
        run.Record = run.Record with { State = state };
        _store.SetState(run.Record.Name, state);
        CampaignLog.StateChanged(_logger, run.Record.Name, state);
    }

    // One worker per queue member paces dialling by agents; preview offers one contact at a time.
    private void StartWorkers(CampaignRun run)
    {
        if (_boxStopping.Task.IsCompleted)
        {
            return;
        }

        if (run.Stop.Task.IsCompleted)
        {
            run.Stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        var members = _directory.Queue(run.Record.Queue)?.Members.Count ?? 1;
        var workers = run.Record.Mode == "preview" ? 1 : Math.Max(1, members);
        for (; run.Workers < workers; run.Workers++)
        {
            _clock.Own(WorkAsync(run), "campaign worker");
        }
    }

    private async Task WorkAsync(CampaignRun run)
    {
        try
        {
            await _worker.RunAsync(run);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            CampaignLog.WorkerFailed(_logger, run.Record.Name, ex);
        }
        finally
        {
            run.Workers--;
        }
    }
}
