using System.Globalization;
using Appliance.Core.Directory;
using Appliance.Storage;

namespace Appliance.Core.Persistence;

/// <summary>
/// The directory as stored in SQLite, read once into memory so the media loop never waits on the database.
/// <see cref="Reload"/> swaps in a fresh snapshot after the configuration changes.
/// </summary>
public sealed class StoredCallCenterDirectory : ICallCenterDirectory
{
    private readonly ApplianceDatabase _database;
    private Snapshot _snapshot;

    /// <summary>Loads the first snapshot.</summary>
    public StoredCallCenterDirectory(ApplianceDatabase database)
    {
        _database = database;
        _snapshot = Load();
    }

    /// <inheritdoc />
    public IReadOnlyList<AgentDefinition> Agents => _snapshot.Agents;

    /// <inheritdoc />
    public IReadOnlyCollection<QueueDefinition> AllQueues => _snapshot.Queues.Values;

    /// <summary>Re-reads the configuration tables.</summary>
    public void Reload() => Volatile.Write(ref _snapshot, Load());

    /// <inheritdoc />
    public string? EntryMenuForLine(int port) =>
        _snapshot.Lines.TryGetValue(port, out var line) && line.Enabled ? line.EntryMenu : null;

    /// <inheritdoc />
    public MenuDefinition? Menu(string name) => _snapshot.Menus.GetValueOrDefault(name);

    /// <inheritdoc />
    public QueueDefinition? Queue(string name) => _snapshot.Queues.GetValueOrDefault(name);

    /// <inheritdoc />
    public AgentDefinition? Agent(string id) => _snapshot.Agents.FirstOrDefault(a => a.Id == id);

    /// <summary>How an agent is dialled: simulated phones by their profile, the rest over SIP.</summary>
    public static string DialStringOf(AgentRecord agent) => agent.Simulated
        ? string.Create(CultureInfo.InvariantCulture, $"sim:{agent.Extension};answer={agent.SimAnswerAfterMilliseconds ?? 3000};tone={agent.SimTalkToneHz ?? 1400}")
        : "sip:" + agent.Extension;

    private Snapshot Load()
    {
        var lines = new LineRepository(_database).List().ToDictionary(l => l.Port);
        var menus = new MenuRepository(_database).List().ToDictionary(m => m.Name, ToDefinition, StringComparer.Ordinal);
        var agents = new AgentRepository(_database).List().Where(a => a.Enabled)
            .Select(a => new AgentDefinition(a.Id, a.Name, DialStringOf(a))).ToList();
        var queues = new QueueRepository(_database).List().ToDictionary(
            q => q.Name,
            q => new QueueDefinition(
                q.Name,
                TimeSpan.FromSeconds(q.RingTimeoutSeconds),
                TimeSpan.FromSeconds(q.MaxWaitSeconds),
                TimeSpan.FromSeconds(q.WrapUpSeconds),
                q.Members.OrderBy(m => m.Penalty).Select(m => m.AgentId).ToList()),
            StringComparer.Ordinal);
        return new Snapshot(lines, menus, queues, agents);
    }

    private static MenuDefinition ToDefinition(MenuRecord menu) => new(
        menu.Name,
        menu.GreetingPrompt,
        menu.MenuPrompt,
        menu.InvalidPrompt,
        menu.TimeoutPrompt,
        menu.GoodbyePrompt,
        TimeSpan.FromSeconds(menu.DigitTimeoutSeconds),
        menu.MaxAttempts,
        menu.Options.ToDictionary(o => o.Digit, o => MenuAction.Parse(o.Action)));

    private sealed record Snapshot(
        Dictionary<int, LineRecord> Lines,
        Dictionary<string, MenuDefinition> Menus,
        Dictionary<string, QueueDefinition> Queues,
        List<AgentDefinition> Agents);
}
