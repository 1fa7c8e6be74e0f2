namespace Appliance.Telephony.Sip;

/// <summary>
/// The hook for calls an agent's own phone places to the box (feature codes such as *50 log in, *53 pause, and later
/// *6x supervision codes). The endpoint asks it only about an out-of-dialog INVITE that carried valid digest
/// credentials and does not come from a trunk; without a dial plan, or when it refuses, such calls get a 4xx as before
/// (phones may never reach an outside line or the menu through the box).
/// </summary>
/// <remarks>
/// Called on the media loop, once per INVITE, before anything is answered; it must not block. To take the call it
/// returns <see cref="AgentDialDecision.Answer"/> with a handler, which receives the call as a ringing inbound
/// <see cref="Channels.IChannel"/> (answer it, play to it, hang it up) and owns whatever it starts.
/// </remarks>
public interface IAgentDialPlan
{
    /// <summary>What to do with a call from the phone authenticated as <paramref name="phoneUser"/> to <paramref name="dialled"/>.</summary>
    /// <param name="phoneUser">The digest user name the phone authenticated as (an agent's extension).</param>
    /// <param name="dialled">The user part of the Request-URI, as keyed, e.g. "*531"; empty when there is none.</param>
    AgentDialDecision Route(string phoneUser, string dialled);
}
