namespace Appliance.Core.Directory;

/// <summary>The call center's configuration as the call flows read it: which menu a line enters, the menus, queues and agents.</summary>
public interface ICallCenterDirectory
{
    /// <summary>The entry menu of line <paramref name="port"/>, or null when the line is not configured or disabled.</summary>
    string? EntryMenuForLine(int port);

    /// <summary>A menu by name, or null.</summary>
    MenuDefinition? Menu(string name);

    /// <summary>A queue by name, or null.</summary>
    QueueDefinition? Queue(string name);

    /// <summary>An agent by id, or null.</summary>
    AgentDefinition? Agent(string id);

    /// <summary>Every configured queue.</summary>
    IReadOnlyCollection<QueueDefinition> AllQueues { get; }

    /// <summary>Every configured agent.</summary>
    IReadOnlyList<AgentDefinition> Agents { get; }
}
