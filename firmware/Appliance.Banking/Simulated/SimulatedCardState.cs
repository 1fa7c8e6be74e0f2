namespace Appliance.Banking.Simulated;

/// <summary>A card's state at the simulated bank.</summary>
public enum SimulatedCardState
{
    /// <summary>In use.</summary>
    Active,

    /// <summary>Reported lost and blocked.</summary>
    Lost,

    /// <summary>Locked after too many wrong PINs.</summary>
    PinLocked,
}
