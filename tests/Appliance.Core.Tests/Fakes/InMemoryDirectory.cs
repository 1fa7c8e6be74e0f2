using Appliance.Core.Directory;

namespace Appliance.Core.Tests.Fakes;

/// <summary>A directory built in the test: one main menu (1 → queue general, 9 → hang up) and the agents given.</summary>
internal sealed class InMemoryDirectory : ICallCenterDirectory
{
    public Dictionary<string, MenuDefinition> Menus { get; } = new()
    {
        ["main"] = new MenuDefinition(
            "main", "greeting", "menu", "invalid", "timeout", "goodbye", TimeSpan.FromSeconds(5), 3,
            new Dictionary<char, MenuAction>
            {
                ['1'] = MenuAction.Parse("queue:general"),
                ['9'] = MenuAction.Parse("hangup"),
                ['8'] = MenuAction.Parse("queue:missing"),
            }),
    };

    public Dictionary<string, QueueDefinition> Queues { get; } = [];

    public List<AgentDefinition> AgentList { get; } = [];

    public IReadOnlyList<AgentDefinition> Agents => AgentList;

    public IReadOnlyCollection<QueueDefinition> AllQueues => Queues.Values;

    public string? EntryMenuForLine(int port) => "main";

    public MenuDefinition? Menu(string name) => Menus.GetValueOrDefault(name);

    public QueueDefinition? Queue(string name) => Queues.GetValueOrDefault(name);

    public AgentDefinition? Agent(string id) => AgentList.FirstOrDefault(a => a.Id == id);

    public InMemoryDirectory WithQueue(TimeSpan maxWait, TimeSpan wrapUp, params AgentDefinition[] agents)
    {
        AgentList.AddRange(agents);
        Queues["general"] = new QueueDefinition("general", TimeSpan.FromSeconds(15), maxWait, wrapUp, agents.Select(a => a.Id).ToList());
        return this;
    }
}
