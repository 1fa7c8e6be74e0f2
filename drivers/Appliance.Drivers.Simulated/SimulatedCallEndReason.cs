namespace Appliance.Drivers.Simulated;

/// <summary>Why a simulated call ended.</summary>
public enum SimulatedCallEndReason
{
    /// <summary>The caller hung up (a script step or <see cref="SimulatedCall.HangUpNow"/>).</summary>
    FarEndHungUp,

    /// <summary>The box put the line on hook.</summary>
    BoxHungUp,

    /// <summary>The box never answered within the call's ring limit.</summary>
    NotAnswered,

    /// <summary>The line lost its voltage while the call was alerting, or the box hung up while it was dead.</summary>
    LineDead,

    /// <summary>The port already had a call or was off hook when the call arrived.</summary>
    LineBusy,

    /// <summary>The box dialled a number registered as busy.</summary>
    CalleeBusy,

    /// <summary>The box dialled a number nobody is registered for.</summary>
    NumberUnobtainable,
}
