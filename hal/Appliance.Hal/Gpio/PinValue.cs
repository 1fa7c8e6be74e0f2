namespace Appliance.Hal.Gpio;

/// <summary>
/// The logical level of a GPIO pin. Same name, shape and conversions as System.Device.Gpio's
/// <c>PinValue</c> (implicit from <see cref="bool"/> and <see cref="int"/>, explicit back), so the
/// package can replace this contract later without changing callers.
/// </summary>
public readonly struct PinValue : IEquatable<PinValue>
{
    private readonly byte _value;

    private PinValue(byte value)
    {
        _value = value;
    }

    /// <summary>The high (1) level.</summary>
    public static PinValue High => new(1);

    /// <summary>The low (0) level.</summary>
    public static PinValue Low => new(0);

    /// <summary>Zero is <see cref="Low"/>, anything else <see cref="High"/>.</summary>
    public static implicit operator PinValue(int value) => value == 0 ? Low : High;

    /// <summary>True is <see cref="High"/>, false <see cref="Low"/>.</summary>
    public static implicit operator PinValue(bool value) => value ? High : Low;

    /// <summary>1 for <see cref="High"/>, 0 for <see cref="Low"/>.</summary>
    public static explicit operator int(PinValue value) => value._value;

    /// <summary>True for <see cref="High"/>.</summary>
    public static explicit operator bool(PinValue value) => value._value != 0;

    /// <summary>The opposite level.</summary>
    public static PinValue operator !(PinValue value) => value._value == 0 ? High : Low;

    /// <summary>Whether both are the same level.</summary>
    public static bool operator ==(PinValue left, PinValue right) => left.Equals(right);

    /// <summary>Whether the levels differ.</summary>
    public static bool operator !=(PinValue left, PinValue right) => !left.Equals(right);

    /// <summary>1 for <see cref="High"/>, 0 for <see cref="Low"/>.</summary>
    public int ToInt32() => _value;

    /// <summary>True for <see cref="High"/>.</summary>
    public bool ToBoolean() => _value != 0;

    /// <summary>The opposite level.</summary>
    public PinValue LogicalNot() => !this;

    /// <inheritdoc />
    public bool Equals(PinValue other) => _value == other._value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PinValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value;

    /// <inheritdoc />
    public override string ToString() => _value == 0 ? "Low" : "High";
}
