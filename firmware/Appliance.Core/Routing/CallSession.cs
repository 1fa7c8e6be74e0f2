using System.Globalization;
using System.Text.Json;
using Appliance.Banking;
using Appliance.Core.Journal;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Channels;

namespace Appliance.Core.Routing;

/// <summary>
/// One inbound call while the call center handles it: the caller's channel, what has happened so far, and the
/// fields of its call detail record. Lives on the media loop.
/// </summary>
public sealed class CallSession
{
    private readonly ICallJournal _journal;
    private readonly TimeProvider _time;
    private readonly List<IvrStep> _ivrPath = [];
    private readonly HashSet<string> _sensitiveVariables = new(StringComparer.Ordinal);

    internal CallSession(string callId, IChannel channel, int? line, ICallJournal journal, TimeProvider time)
    {
        CallId = callId;
        Channel = channel;
        Line = line;
        _journal = journal;
        _time = time;
        StartedAt = time.GetUtcNow();
        Privacy = new MediaPrivacy(time);
    }

    /// <summary>The call id every log line and record of this call carries.</summary>
    public string CallId { get; }

    /// <summary>The caller's channel (for a callback, the leg that dialled the caller back, once dialled).</summary>
    public IChannel Channel { get; internal set; }

    /// <summary>The analog line it came in on, if any.</summary>
    public int? Line { get; }

    /// <summary>When the call arrived.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>When the box answered.</summary>
    public DateTimeOffset? AnsweredAt { get; internal set; }

    /// <summary>The menu the call entered.</summary>
    public string? EntryMenu { get; internal set; }

    /// <summary>The entry point the call came in through, if any.</summary>
    public string? EntryPoint { get; internal set; }

    /// <summary>The language the caller hears; the entry point's or the branch's first, until the caller chooses.</summary>
    public string Language { get; internal set; } = "en";

    /// <summary>Variables set in the menu (collected digits, "service", "priority"…). Sensitive values are held here only.</summary>
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>The menu nodes the caller went through, in order, with the key pressed at menu nodes (for the screen pop).</summary>
    public IReadOnlyList<IvrStep> IvrPath => _ivrPath;

    /// <summary>Names of variables a sensitive collect node set: never shown outside the call, not even masked.</summary>
    public IReadOnlySet<string> SensitiveVariables => _sensitiveVariables;

    /// <summary>The customer an identify node verified; what the agent's screen pop shows (name, masked account).</summary>
    public BankCustomer? Customer { get; internal set; }

    /// <summary>
    /// Whether a sensitive node is collecting digits right now (PCI pause): the recording and any listening supervisor
    /// get silence meanwhile.
    /// </summary>
    /// <remarks>The media keep silence for <see cref="MediaPrivacy.ReleaseTail"/> after this turns false.</remarks>
    public bool PciPaused { get; private set; }

    /// <summary>
    /// The pause flag the call's media objects (bridge, recorder) read each tick. Set here, from the call's flow on the
    /// call-center loop; volatile fields, so the tick never waits on the flow, SIP, SQLite or logging to learn it.
    /// </summary>
    internal MediaPrivacy Privacy { get; }

    /// <summary>The queue the caller chose.</summary>
    public string? Queue { get; internal set; }

    /// <summary>The agent who answered.</summary>
    public string? Agent { get; internal set; }

    /// <summary>How long the caller waited in the queue.</summary>
    public TimeSpan Wait { get; internal set; }

    /// <summary>When caller and agent were bridged.</summary>
    public DateTimeOffset? ConnectedAt { get; internal set; }

    /// <summary>How long caller and agent talked.</summary>
    public TimeSpan Talk { get; internal set; }

    /// <summary>How the call ended; see <see cref="CallOutcome"/>.</summary>
    public string Outcome { get; internal set; } = CallOutcome.Failed;

    /// <summary>The caller's post-call survey score (1–5), once given.</summary>
    public int? SurveyScore { get; internal set; }

    /// <summary>The recording, once closed.</summary>
    public RecordingInfo? Recording { get; internal set; }

    /// <summary>The call's recorder while it records, once opened (at answer when the self-service part is recorded).</summary>
    internal Recording.CallRecorder? Recorder { get; set; }

    /// <summary>What feeds <see cref="Recorder"/> before an agent is bridged; the first bridge disposes it and takes over.</summary>
    internal IDisposable? RecorderFeed { get; set; }

    /// <summary>Where this call's events go, so a call linked to it (a callback) writes to the same journal.</summary>
    internal ICallJournal Journal => _journal;

    /// <summary>Recordings of what each party heard while a supervisor was on the call, once closed, oldest first.</summary>
    public IReadOnlyList<RecordingInfo> SupervisionRecordings { get; internal set; } = [];

    /// <summary>Supervision recordings started on this call; the conversation waits for them before the call is recorded.</summary>
    internal List<Task<RecordingInfo>> PendingSupervisionRecordings { get; } = [];

    /// <summary>The time now, from the call center's clock.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Appends an event about this call; <paramref name="data"/> pairs become a JSON object.</summary>
    public void Log(string kind, string? queue = null, string? agent = null, params (string Key, object? Value)[] data)
    {
        string? json = null;
        if (data.Length > 0)
        {
            json = JsonSerializer.Serialize(data.ToDictionary(d => d.Key, d => d.Value));
        }

        _journal.Append(new CallEvent(Now, CallId, kind, queue, agent, json));
    }

    /// <summary>Records that the caller reached <paramref name="node"/> of <paramref name="menu"/>.</summary>
    internal void Visited(string menu, string node) => _ivrPath.Add(new IvrStep(menu, node, null));

    /// <summary>Records the key pressed at the node reached last.</summary>
    internal void Pressed(string key)
    {
        if (_ivrPath.Count > 0)
        {
            _ivrPath[^1] = _ivrPath[^1] with { Key = key };
        }
    }

    /// <summary>Starts a PCI pause for <paramref name="node"/> of <paramref name="menu"/>; the event carries no digits.</summary>
    internal void BeginPciPause(string menu, string node)
    {
        if (!PciPaused)
        {
            PciPaused = true;
            Privacy.Pause();
            Log(CallEventKinds.PciPauseStart, data: [("menu", menu), ("node", node)]);
        }
    }

    /// <summary>Ends the PCI pause: recording and supervision hear the call again.</summary>
    internal void EndPciPause(string menu, string node)
    {
        if (PciPaused)
        {
            PciPaused = false;
            Privacy.Release();
            Log(CallEventKinds.PciPauseEnd, data: [("menu", menu), ("node", node)]);
        }
    }

    /// <summary>Marks a variable as holding sensitive digits.</summary>
    internal void MarkSensitive(string variable) => _sensitiveVariables.Add(variable);

    /// <summary>Seconds with millisecond precision, for event data.</summary>
    internal static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3);

    /// <summary>Builds the call detail record.</summary>
    internal CallDetail ToDetail(HangupCause cause) => new(
        CallId,
        Line,
        Channel.Technology,
        Channel.Caller.Number,
        Channel.Caller.Name,
        StartedAt,
        AnsweredAt,
        Now,
        EntryMenu,
        Queue,
        Agent,
        Outcome,
        Wait,
        Talk,
        cause.ToString().ToLower(CultureInfo.InvariantCulture),
        Recording,
        SupervisionRecordings)
    { SurveyScore = SurveyScore };
}
