namespace Appliance.Drivers.Simulated;

/// <summary>How the simulated exchange tells the box that the far end hung up.</summary>
public enum DisconnectSignal
{
    /// <summary>Busy tone only (common in China: the box must detect the tone).</summary>
    BusyTone,

    /// <summary>A tip/ring polarity reversal only, then silence.</summary>
    PolarityReversal,

    /// <summary>Both a polarity reversal and busy tone.</summary>
    Both,
}
