namespace Appliance.Host.Hosting;

/// <summary>Which board driver the appliance runs on (section "Board").</summary>
public sealed class BoardOptions
{
    public const string SectionName = "Board";

    /// <summary>The simulated board and PSTN exchange: the default when no hardware is present.</summary>
    public const string SimulatedDriver = "simulated";

    /// <summary>The drivers compiled into this build.</summary>
    public static IReadOnlyList<string> AvailableDrivers { get; } = [SimulatedDriver];

    /// <summary>Driver name, one of <see cref="AvailableDrivers"/> (case-insensitive).</summary>
    public string Driver { get; set; } = SimulatedDriver;
}
