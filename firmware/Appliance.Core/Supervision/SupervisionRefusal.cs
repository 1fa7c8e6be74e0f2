namespace Appliance.Core.Supervision;

/// <summary>Why a supervision request was refused.</summary>
public enum SupervisionRefusal
{
    /// <summary>No agent has the supervisor's id.</summary>
    UnknownSupervisor,

    /// <summary>The agent asking is not marked Supervisor in the configuration.</summary>
    NotSupervisor,

    /// <summary>No agent has the supervised agent's id.</summary>
    UnknownAgent,

    /// <summary>A supervisor cannot supervise their own call.</summary>
    OwnCall,

    /// <summary>The agent is not talking to a caller.</summary>
    NoCall,

    /// <summary>The supervisor is on a call, being rung, or supervising already.</summary>
    SupervisorBusy,

    /// <summary>Someone already supervises the agent's call.</summary>
    AlreadySupervised,

    /// <summary>The supervisor's phone cannot be rung (not registered, no media port free).</summary>
    CannotRing,

    /// <summary>The supervisor's phone did not answer, or the request was stopped or the call ended first.</summary>
    NotAnswered,

    /// <summary>No supervision has the id given.</summary>
    UnknownSupervision,
}
