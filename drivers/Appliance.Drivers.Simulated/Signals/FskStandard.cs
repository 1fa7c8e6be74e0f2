namespace Appliance.Drivers.Simulated.Signals;

/// <summary>The FSK modem an exchange uses for on-hook caller ID (both 1200 baud).</summary>
public enum FskStandard
{
    /// <summary>Bell 202 (Telcordia GR-30): mark 1200 Hz, space 2200 Hz.</summary>
    Bell202,

    /// <summary>ITU-T V.23 (ETSI EN 300 659): mark 1300 Hz, space 2100 Hz.</summary>
    V23,
}
