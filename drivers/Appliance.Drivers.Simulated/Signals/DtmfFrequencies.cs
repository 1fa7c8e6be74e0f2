namespace Appliance.Drivers.Simulated.Signals;

/// <summary>The DTMF keypad of ITU-T Q.23: each key is one low-group (row) and one high-group (column) frequency.</summary>
public static class DtmfFrequencies
{
    /// <summary>Row frequencies, top row first.</summary>
    public static IReadOnlyList<double> LowGroup { get; } = [697, 770, 852, 941];

    /// <summary>Column frequencies, left column first.</summary>
    public static IReadOnlyList<double> HighGroup { get; } = [1209, 1336, 1477, 1633];

    /// <summary>All sixteen keys in row-major keypad order.</summary>
    public const string Keys = "123A456B789C*0#D";

    /// <summary>The (low, high) pair of <paramref name="digit"/>: 0-9, *, #, A-D (a-d accepted too).</summary>
    /// <exception cref="ArgumentException">The character is not a DTMF key.</exception>
    public static (double Low, double High) For(char digit)
    {
        var index = Keys.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        if (index < 0)
        {
            throw new ArgumentException($"'{digit}' (U+{(int)digit:X4}) is not a DTMF key; expected 0-9, *, # or A-D.", nameof(digit));
        }

        return (LowGroup[index / 4], HighGroup[index % 4]);
    }
}
