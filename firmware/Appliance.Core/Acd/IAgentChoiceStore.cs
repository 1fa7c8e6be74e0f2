namespace Appliance.Core.Acd;

/// <summary>Where the roster keeps agents' choices so they survive a restart.</summary>
public interface IAgentChoiceStore
{
    /// <summary>Takes a changed choice from the media loop; must not block (the write happens elsewhere, later).</summary>
    void Save(AgentChoice choice);
}
