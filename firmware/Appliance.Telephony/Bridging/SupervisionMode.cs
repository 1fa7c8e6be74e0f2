namespace Appliance.Telephony.Bridging;

/// <summary>
/// What a third party joined to a two-party bridge (a supervisor) hears and who hears them, as Asterisk's ChanSpy and
/// 3CX define listen, whisper and barge-in.
/// </summary>
public enum SupervisionMode
{
    /// <summary>The supervisor hears caller and agent; nobody hears the supervisor.</summary>
    Listen,

    /// <summary>The supervisor hears both; only the agent hears the supervisor (coaching). The caller hears only the agent.</summary>
    Whisper,

    /// <summary>Everyone hears the other two: a three-party conference.</summary>
    Barge,
}
