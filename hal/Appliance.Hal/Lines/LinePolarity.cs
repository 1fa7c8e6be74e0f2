namespace Appliance.Hal.Lines;

/// <summary>Tip/ring polarity. Many exchanges reverse it when the far end answers or hangs up.</summary>
public enum LinePolarity
{
    /// <summary>The idle polarity.</summary>
    Normal,

    /// <summary>Reversed from idle.</summary>
    Reversed,
}
