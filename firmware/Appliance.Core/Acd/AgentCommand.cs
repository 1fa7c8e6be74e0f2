namespace Appliance.Core.Acd;

/// <summary>What an agent (from the phone's feature codes) or a supervisor (from the CLI) asks of the agent's state.</summary>
public enum AgentCommand
{
    /// <summary>Log in, ready for calls (*50).</summary>
    LogIn,

    /// <summary>Log out: no calls until logging in again, even after the phone re-registers (*51).</summary>
    LogOut,

    /// <summary>Ready again after a pause (*52).</summary>
    Ready,

    /// <summary>Not ready, with a configured reason (*53 and the code).</summary>
    Pause,
}
