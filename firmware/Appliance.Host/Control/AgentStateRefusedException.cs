namespace Appliance.Host.Control;

/// <summary>An agent state request the appliance cannot carry out (no such agent, no such reason); answered as 400.</summary>
public sealed class AgentStateRefusedException(string message) : Exception(message);
