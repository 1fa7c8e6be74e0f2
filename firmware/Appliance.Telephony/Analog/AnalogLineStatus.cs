namespace Appliance.Telephony.Analog;

/// <summary>An analog line as the status page shows it.</summary>
public enum AnalogLineStatus
{
    /// <summary>On hook, waiting for a ring.</summary>
    Idle,

    /// <summary>Ringing; not answered yet.</summary>
    Ringing,

    /// <summary>Off hook in a call.</summary>
    InCall,

    /// <summary>No battery voltage: unplugged or cut.</summary>
    Dead,

    /// <summary>Off hook placing a call: waiting for dial tone, dialling, or listening to call progress.</summary>
    Dialing,
}
