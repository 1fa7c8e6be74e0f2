namespace Appliance.Hal.Gpio;

/// <summary>An edge seen on a pin.</summary>
public sealed class PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber) : EventArgs
{
    /// <summary>The edge: <see cref="PinEventTypes.Rising"/> or <see cref="PinEventTypes.Falling"/>.</summary>
    public PinEventTypes ChangeType { get; } = changeType;

    /// <summary>The pin that changed.</summary>
    public int PinNumber { get; } = pinNumber;
}
