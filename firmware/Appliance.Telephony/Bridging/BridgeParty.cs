namespace Appliance.Telephony.Bridging;

/// <summary>A party of a bridge, as the one who hears: the value is its column in a recording of what each party heard.</summary>
public enum BridgeParty
{
    /// <summary>Leg A: on a call-center call, the caller.</summary>
    LegA = 0,

    /// <summary>Leg B: the agent.</summary>
    LegB = 1,

    /// <summary>The supervisor joined to the bridge.</summary>
    Supervisor = 2,
}
