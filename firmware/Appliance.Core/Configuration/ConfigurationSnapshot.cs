using System.Globalization;
using Appliance.Core.Directory;

namespace Appliance.Core.Configuration;

/// <summary>
/// One accepted configuration, indexed for the call flows: immutable, so the media loop reads it without locks and a
/// new version is swapped in whole.
/// </summary>
public sealed class ConfigurationSnapshot : ICallCenterDirectory
{
    // A queue with no wait limit still ends a wait after a day: no caller holds that long on a real line.
    private static readonly TimeSpan NoLimit = TimeSpan.FromDays(1);
    private readonly Dictionary<int, EntryPointConfig> _entryByLine = [];
    private readonly Dictionary<string, EntryPointConfig> _entryByNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntryPointConfig> _entryByTrunk = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MenuConfig> _menus;
    private readonly Dictionary<string, CalendarConfig> _calendars;
    private readonly Dictionary<string, QueueDefinition> _queues;
    private readonly Dictionary<string, AgentDefinition> _agents;
    private readonly Dictionary<string, int> _vips;
    private readonly Dictionary<string, PauseReasonConfig> _pauseReasons;

    /// <summary>Indexes a validated configuration.</summary>
    public ConfigurationSnapshot(CallCenterConfiguration configuration, long version)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Configuration = configuration;
        Version = version;
        TimeZone = TimeZoneInfo.TryFindSystemTimeZoneById(configuration.Branch.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
        foreach (var entry in configuration.EntryPoints)
        {
            foreach (var line in entry.Lines)
            {
                _entryByLine.TryAdd(line, entry);
            }

            foreach (var number in entry.Numbers)
            {
                _entryByNumber.TryAdd(number, entry);
            }

            foreach (var trunk in entry.Trunks)
            {
                _entryByTrunk.TryAdd(trunk, entry);
            }
        }

        _menus = configuration.Menus.ToDictionary(m => m.Name, StringComparer.Ordinal);
        _calendars = configuration.Calendars.ToDictionary(c => c.Name, StringComparer.Ordinal);
        Agents = [.. configuration.Agents.Select(a => new AgentDefinition(a.Id, a.Name, DialString(a)) { Supervisor = a.Supervisor, Extension = a.Extension })];
        _agents = Agents.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _queues = configuration.Queues.ToDictionary(q => q.Name, q => ToDefinition(q, configuration.Agents), StringComparer.Ordinal);
        _vips = configuration.VipCallers.ToDictionary(v => v.Number, v => v.Priority, StringComparer.Ordinal);
        _pauseReasons = configuration.PauseReasons.ToDictionary(r => r.Code, StringComparer.Ordinal);
    }

    /// <summary>An empty configuration: no lines, menus, queues or agents.</summary>
    public static ConfigurationSnapshot Empty { get; } = new(new CallCenterConfiguration(), 0);

    /// <summary>The configuration document.</summary>
    public CallCenterConfiguration Configuration { get; }

    /// <inheritdoc />
    public long Version { get; }

    /// <inheritdoc />
    public BranchSettings Branch => Configuration.Branch;

    /// <inheritdoc />
    public TimeZoneInfo TimeZone { get; }

    /// <inheritdoc />
    public IReadOnlyCollection<QueueDefinition> AllQueues => _queues.Values;

    /// <inheritdoc />
    public IReadOnlyList<AgentDefinition> Agents { get; }

    /// <inheritdoc />
    public EntryPointConfig? EntryPointForLine(int port) => _entryByLine.GetValueOrDefault(port);

    /// <inheritdoc />
    public EntryPointConfig? EntryPointFor(string? dialledNumber, string? trunk, int? line) =>
        (dialledNumber is not null ? _entryByNumber.GetValueOrDefault(dialledNumber) : null)
        ?? (trunk is not null ? _entryByTrunk.GetValueOrDefault(trunk) : null)
        ?? (line is { } port ? _entryByLine.GetValueOrDefault(port) : null);

    /// <inheritdoc />
    public MenuConfig? Menu(string name) => _menus.GetValueOrDefault(name);

    /// <inheritdoc />
    public CalendarConfig? Calendar(string name) => _calendars.GetValueOrDefault(name);

    /// <inheritdoc />
    public QueueDefinition? Queue(string name) => _queues.GetValueOrDefault(name);

    /// <inheritdoc />
    public AgentDefinition? Agent(string id) => _agents.GetValueOrDefault(id);

    /// <inheritdoc />
    public int VipPriority(string? callerNumber) => callerNumber is null ? 0 : _vips.GetValueOrDefault(callerNumber);

    /// <inheritdoc />
    public PauseReasonConfig? PauseReason(string code) => _pauseReasons.GetValueOrDefault(code);

    /// <summary>How an agent is rung: a simulated phone by its profile, a real one over SIP.</summary>
    public static string DialString(AgentConfig agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (agent.Simulated is not { } phone)
        {
            return "sip:" + agent.Extension;
        }

        var dial = string.Create(CultureInfo.InvariantCulture, $"sim:{agent.Extension};answer={phone.AnswerAfterMilliseconds};tone={phone.ToneHz}");
        return phone.Script is { Length: > 0 } script ? dial + ";" + script : dial;
    }

    private static QueueDefinition ToDefinition(QueueConfig queue, IReadOnlyList<AgentConfig> agents)
    {
        var skills = queue.Strategy == QueueStrategyNames.Skills;
        int Proficiency(AgentConfig? agent) =>
            skills ? agent?.Skills.FirstOrDefault(s => s.Skill == queue.Skill)?.Proficiency ?? 0 : 0;

        // A skills queue without members takes every agent with the skill, at penalty 0.
        var members = skills && queue.Members.Count == 0
            ? agents.Where(a => Proficiency(a) > 0).Select(a => new QueueMemberDefinition(a.Id, 0, Proficiency(a))).ToList()
            : queue.Members.Select(m => new QueueMemberDefinition(m.Agent, m.Penalty, Proficiency(agents.FirstOrDefault(a => a.Id == m.Agent)))).ToList();
        return new QueueDefinition(
            queue.Name,
            TimeSpan.FromSeconds(queue.RingTimeoutSeconds),
            queue.MaxWaitSeconds == 0 ? NoLimit : TimeSpan.FromSeconds(queue.MaxWaitSeconds),
            TimeSpan.FromSeconds(queue.WrapUpSeconds),
            members.Select(m => m.AgentId).ToList())
        {
            Strategy = queue.Strategy,
            Members = members,
            MinProficiency = skills ? queue.MinProficiency : 0,
            Widening = queue.Widening,
            RetryDelay = TimeSpan.FromSeconds(queue.RetrySeconds),
            MaxLength = queue.MaxLength,
            Overflow = RouteTarget.Parse(queue.Overflow),
            JoinEmpty = queue.JoinEmpty,
            LeaveWhenEmpty = queue.LeaveWhenEmpty,
            AutoPauseAfter = queue.AutoPauseAfter,
            AgingStep = TimeSpan.FromSeconds(queue.AgingSeconds),
            Announce = queue.Announce,
            Callback = queue.Callback,
            RetentionDays = queue.RetentionDays,
            Survey = queue.Survey,
        };
    }
}
