using Appliance.Drivers.Simulated.Signals;

namespace Appliance.Drivers.Simulated;

/// <summary>What the simulated caller is like.</summary>
public sealed record SimulatedCallRequest
{
    /// <summary>Default for <see cref="MaxRings"/>.</summary>
    public const int DefaultMaxRings = 10;

    /// <summary>Largest accepted <see cref="MaxRings"/>.</summary>
    public const int MaximumMaxRings = 1000;

    /// <summary>The caller ID sent between the first and second ring; null sends none.</summary>
    public CallerIdInfo? CallerId { get; init; }

    /// <summary>Rings before the caller gives up (1–1000); the call then ends as not answered.</summary>
    public int MaxRings { get; init; } = DefaultMaxRings;

    /// <summary>Sends the caller ID with a wrong checksum, so that the box must reject it.</summary>
    public bool CorruptCallerIdChecksum { get; init; }
}
