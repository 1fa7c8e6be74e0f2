namespace Appliance.Telephony.Media;

/// <summary>Which FSK tones a <see cref="CallerIdReceiver"/> listens for (both are 1200 baud).</summary>
public enum CallerIdModulation
{
    /// <summary>Either: correlators between the two standards' tones decode both (the default).</summary>
    Auto,

    /// <summary>Bell 202 (Telcordia GR-30, North America, China): mark 1200 Hz, space 2200 Hz.</summary>
    Bell202,

    /// <summary>ITU-T V.23 (ETSI EN 300 659, Europe): mark 1300 Hz, space 2100 Hz.</summary>
    V23,
}
