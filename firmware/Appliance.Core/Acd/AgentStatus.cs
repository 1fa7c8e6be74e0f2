namespace Appliance.Core.Acd;

/// <summary>An agent's state as the ACD sees it.</summary>
public enum AgentStatus
{
    /// <summary>Logged in and free: can be offered a call.</summary>
    Available,

    /// <summary>Being rung for a call.</summary>
    Ringing,

    /// <summary>Talking to a caller.</summary>
    OnCall,

    /// <summary>After-call work: not offered calls until it ends.</summary>
    WrapUp,

    /// <summary>Not logged in.</summary>
    LoggedOut,

    /// <summary>Logged in but paused (a break, training, or auto-paused after unanswered offers): not offered calls.</summary>
    NotReady,
}
