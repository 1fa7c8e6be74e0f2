using Appliance.Core.Acd;
using Appliance.Core.Configuration;
using Appliance.Core.Directory;
using Appliance.Core.Ivr;
using Appliance.Core.Journal;
using Appliance.Core.Recording;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Routing;

/// <summary>
/// Takes every inbound call from answer to record: picks the entry menu for the line, runs the menu, hands the caller
/// to the ACD, and writes the call detail record. One async flow per call, on the media loop.
/// </summary>
public sealed class CallCenter
{
    private const int MaxQueueVisits = 10;
    private readonly Dictionary<string, CallSession> _active = new(StringComparer.Ordinal);
    private readonly MediaClock _clock;
    private readonly ICallCenterDirectory _directory;
    private readonly ICallJournal _journal;
    private readonly FlowRunner _menus;
    private readonly AcdService _acd;
    private readonly CallCenterOptions _options;
    private readonly ILogger<CallCenter> _logger;
    private readonly RecordingService? _recordings;

    /// <summary>Creates the call center and starts taking calls from <paramref name="source"/>.</summary>
    public CallCenter(
        IInboundCallSource source,
        MediaClock clock,
        ICallCenterDirectory directory,
        ICallJournal journal,
        FlowRunner menus,
        AcdService acd,
        IOptions<CallCenterOptions> options,
        ILogger<CallCenter> logger,
        RecordingService? recordings = null)
    {
        _recordings = recordings;
        _clock = clock;
        _directory = directory;
        _journal = journal;
        _menus = menus;
        _acd = acd;
        _options = options.Value;
        _logger = logger;
        source.CallArrived += (channel, line) => clock.Own(HandleAsync(channel, line), "inbound call");
    }

    /// <summary>Raised on the media loop when a call arrives.</summary>
    public event Action<CallSession>? CallStarted;

    /// <summary>Raised once a finished call's record is stored (on the media loop).</summary>
    public event Action<CallSummary>? CallFinished;

    /// <summary>Calls in progress (read on the media loop).</summary>
    public IReadOnlyCollection<CallSession> ActiveCalls => _active.Values;

    /// <summary>Hangs up every call in progress (on the media loop), so their flows record them and end: the box is stopping.</summary>
    public void HangUpAll()
    {
        foreach (var call in _active.Values.ToList())
        {
            call.Channel.HangUp();
        }
    }

    private async Task HandleAsync(IChannel channel, int? line)
    {
        var call = new CallSession(CallIds.New(_clock.Time.GetUtcNow()), channel, line, _journal, _clock.Time);
        _active[call.CallId] = call;
        CallCenterLog.CallStarted(_logger, call.CallId, channel.Caller.Number, channel.Id);
        call.Log(CallEventKinds.CallStart, data:
            [("channel", channel.Id), ("line", line), ("caller", channel.Caller.Number), ("name", channel.Caller.Name), ("dialled", channel.DialledNumber), ("trunk", channel.Trunk)]);
        CallStarted?.Invoke(call);
        try
        {
            await RunAsync(call);
        }
        catch (ChannelHangupException)
        {
            // The caller hung up; the outcome says where.
        }
        catch (Exception ex)
        {
            call.Outcome = CallOutcome.Failed;
            CallCenterLog.CallFailed(_logger, call.CallId, ex);
        }

        await FinishAsync(call);
    }

    private async Task RunAsync(CallSession call)
    {
        var entry = _directory.EntryPointFor(call.Channel.DialledNumber, call.Channel.Trunk, call.Line);
        var menuName = entry is null ? _options.DefaultMenu : EntryMenu(entry, call.Now);
        call.EntryPoint = entry?.Name;
        call.EntryMenu = menuName;
        CallCenterLog.Entered(_logger, call.CallId, entry?.Name ?? "(none)", call.Channel.DialledNumber, call.Channel.Trunk, call.Line, menuName);
        call.Language = entry?.Language ?? _directory.Branch.Languages.FirstOrDefault() ?? _options.Language;
        if (_directory.Menu(menuName) is not { } menu)
        {
            CallCenterLog.MenuMissing(_logger, call.CallId, menuName);
            call.Outcome = CallOutcome.Failed;
            return;
        }

        call.Channel.Answer();
        await call.Channel.Answered;
        call.AnsweredAt = call.Now;
        call.Log(CallEventKinds.Answer);
        if (_options.RecordSelfService && _recordings is not null)
        {
            var recorder = _recordings.StartAtAnswer(call, _clock);
            if (recorder.IsRecording)
            {
                call.Log(CallEventKinds.RecordingStart, data: ("path", recorder.Path));
            }
        }

        call.Outcome = CallOutcome.EndedInMenu;
        var exit = await _menus.RunAsync(call, menu);

        // A queue that cannot serve the caller may send them to a menu (its overflow), which may lead to a queue again;
        // a bound keeps a menu and a full queue that send callers to each other from spinning the loop.
        for (var visits = 0; visits < MaxQueueVisits && exit.Queue is { } queueName && _directory.Queue(queueName) is { } queue; visits++)
        {
            call.Outcome = CallOutcome.Abandoned;
            if (await _acd.HandleAsync(call, queue, exit.Priority) is not { } overflowMenu || _directory.Menu(overflowMenu) is not { } next)
            {
                return;
            }

            exit = await _menus.RunAsync(call, next);
        }
    }

    // Open hours take the entry point's menu; after hours (or on a holiday) its after-hours menu.
    private string EntryMenu(EntryPointConfig entry, DateTimeOffset now) =>
        entry.Calendar is { } name && entry.AfterHoursMenu is { } closed
        && (_directory.Calendar(name) is not { } calendar || !BusinessCalendar.IsOpen(calendar, _directory.TimeZone, now))
            ? closed
            : entry.Menu;

    private async Task FinishAsync(CallSession call)
    {
        call.Channel.HangUp();
        var cause = await call.Channel.Ended;
        if (await RecordingService.CloseAsync(call) is { } recording)
        {
            call.Log(CallEventKinds.RecordingEnd, call.Queue, call.Agent, [("path", recording.Path), ("seconds", CallSession.Seconds(recording.Duration))]);
        }

        call.Log(CallEventKinds.CallEnd, call.Queue, call.Agent, [("outcome", call.Outcome), ("cause", cause.ToString().ToLowerInvariant())]);
        var detail = call.ToDetail(cause);
        _active.Remove(call.CallId);
        try
        {
            await _journal.CompleteCallAsync(detail);
        }
        catch (Exception ex)
        {
            CallCenterLog.RecordFailed(_logger, call.CallId, ex);
        }

        CallCenterLog.CallEnded(_logger, call.CallId, call.Outcome, CallSession.Seconds(call.Wait), CallSession.Seconds(call.Talk));
        CallFinished?.Invoke(new CallSummary(detail, call.Channel.Id));
    }
}
