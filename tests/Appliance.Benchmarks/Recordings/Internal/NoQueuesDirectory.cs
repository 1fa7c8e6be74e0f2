using Appliance.Core.Configuration;
using Appliance.Core.Directory;

namespace Appliance.Benchmarks.Recordings.Internal;

/// <summary>A call center with no queues: every recording follows the default retention.</summary>
internal sealed class NoQueuesDirectory : ICallCenterDirectory
{
    public long Version => 1;

    public BranchSettings Branch { get; } = new();

    public TimeZoneInfo TimeZone => TimeZoneInfo.Utc;

    public IReadOnlyCollection<QueueDefinition> AllQueues => [];

    public IReadOnlyList<AgentDefinition> Agents => [];

    public EntryPointConfig? EntryPointForLine(int port) => null;

    public EntryPointConfig? EntryPointFor(string? dialledNumber, string? trunk, int? line) => null;

    public MenuConfig? Menu(string name) => null;

    public CalendarConfig? Calendar(string name) => null;

    public QueueDefinition? Queue(string name) => null;

    public AgentDefinition? Agent(string id) => null;

    public int VipPriority(string? callerNumber) => 0;
}
