namespace Appliance.Core.Acd;

/// <summary>How an <see cref="AgentCommand"/> went.</summary>
public enum AgentCommandResult
{
    /// <summary>Done (also when the agent already was as asked: the command is idempotent).</summary>
    Done,

    /// <summary>No configured agent has that id; nothing changed.</summary>
    UnknownAgent,

    /// <summary>The pause reason is missing or not configured; nothing changed.</summary>
    UnknownReason,
}
