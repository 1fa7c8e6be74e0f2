namespace Appliance.Hal.Gpio;

/// <summary>What a wait for a pin edge returned, as System.Device.Gpio's <c>WaitForEventResult</c>.</summary>
public struct WaitForEventResult : IEquatable<WaitForEventResult>
{
    /// <summary>The edge that ended the wait; <see cref="PinEventTypes.None"/> when it timed out.</summary>
    public PinEventTypes EventTypes { get; set; }

    /// <summary>Whether the wait ended because the timeout or cancellation came first.</summary>
    public bool TimedOut { get; set; }

    /// <summary>Whether both results are the same.</summary>
    public static bool operator ==(WaitForEventResult left, WaitForEventResult right) => left.Equals(right);

    /// <summary>Whether the results differ.</summary>
    public static bool operator !=(WaitForEventResult left, WaitForEventResult right) => !left.Equals(right);

    /// <inheritdoc />
    public readonly bool Equals(WaitForEventResult other) => EventTypes == other.EventTypes && TimedOut == other.TimedOut;

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is WaitForEventResult other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(EventTypes, TimedOut);
}
