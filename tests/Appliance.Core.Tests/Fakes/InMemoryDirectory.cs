using Appliance.Core.Configuration;
using Appliance.Core.Configuration.Flow;
using Appliance.Core.Directory;

namespace Appliance.Core.Tests.Fakes;

/// <summary>A directory built in the test: one main menu (1 → queue general, 9 → hang up) and the agents given.</summary>
internal sealed class InMemoryDirectory : ICallCenterDirectory
{
    public Dictionary<string, MenuConfig> Menus { get; } = new()
    {
        ["main"] = new MenuConfig
        {
            Name = "main",
            Start = "greeting",
            Nodes =
            [
                new PlayNode { Id = "greeting", Prompt = "greeting", Next = "menu" },
                new MenuNode
                {
                    Id = "menu",
                    Prompt = "menu",
                    Keys = [new MenuKey { Key = "1", Next = "general" }, new MenuKey { Key = "9", Next = "goodbye" }, new MenuKey { Key = "8", Next = "missing" }],
                    OnFailure = "goodbye",
                },
                new QueueNode { Id = "general", Queue = "general" },
                new QueueNode { Id = "missing", Queue = "missing" },
                new HangupNode { Id = "goodbye", Prompt = "goodbye" },
            ],
        },
    };

    public Dictionary<string, CalendarConfig> Calendars { get; } = [];

    public Dictionary<int, EntryPointConfig> EntryPoints { get; } = [];

    public Dictionary<string, int> Vips { get; } = [];

    public long Version => 1;

    public BranchSettings Branch { get; set; } = new() { Languages = ["en"] };

    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    public Dictionary<string, QueueDefinition> Queues { get; } = [];

    public List<AgentDefinition> AgentList { get; } = [];

    public IReadOnlyList<AgentDefinition> Agents => AgentList;

    public IReadOnlyCollection<QueueDefinition> AllQueues => Queues.Values;

    public EntryPointConfig? EntryPointForLine(int port) =>
        EntryPoints.GetValueOrDefault(port, new EntryPointConfig { Name = "test", Lines = [port], Menu = "main" });

    public EntryPointConfig? EntryPointFor(string? dialledNumber, string? trunk, int? line) => line is { } port ? EntryPointForLine(port) : null;

    public MenuConfig? Menu(string name) => Menus.GetValueOrDefault(name);

    public CalendarConfig? Calendar(string name) => Calendars.GetValueOrDefault(name);

    public int VipPriority(string? callerNumber) => callerNumber is null ? 0 : Vips.GetValueOrDefault(callerNumber);

    public QueueDefinition? Queue(string name) => Queues.GetValueOrDefault(name);

    public AgentDefinition? Agent(string id) => AgentList.FirstOrDefault(a => a.Id == id);

    public InMemoryDirectory WithQueue(TimeSpan maxWait, TimeSpan wrapUp, params AgentDefinition[] agents)
    {
        AgentList.AddRange(agents);
        Queues["general"] = new QueueDefinition("general", TimeSpan.FromSeconds(15), maxWait, wrapUp, agents.Select(a => a.Id).ToList());
        return this;
    }
}
