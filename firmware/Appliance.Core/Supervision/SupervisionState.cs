namespace Appliance.Core.Supervision;

/// <summary>Where a supervision stands.</summary>
public enum SupervisionState
{
    /// <summary>The supervisor's phone is ringing; the supervisor joins when it is answered.</summary>
    Ringing,

    /// <summary>The supervisor is in the agent's call.</summary>
    Active,

    /// <summary>Over: stopped, the supervisor hung up, or the agent's call ended.</summary>
    Ended,
}
