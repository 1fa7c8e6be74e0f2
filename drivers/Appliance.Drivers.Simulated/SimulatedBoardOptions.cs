using System.ComponentModel.DataAnnotations;
using Appliance.Drivers.Simulated.Internal;
using Appliance.Drivers.Simulated.Signals;

namespace Appliance.Drivers.Simulated;

/// <summary>
/// Settings of the simulated board and exchange, bound from <see cref="SectionName"/>. Checked both as
/// <see cref="IValidatableObject"/> (for DataAnnotations-based validation) and by <see cref="SimulatedBoardOptionsValidator"/>.
/// </summary>
public sealed class SimulatedBoardOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Board:Simulated";

    /// <summary>Smallest <see cref="LineCount"/>.</summary>
    public const int MinimumLineCount = 1;

    /// <summary>Largest <see cref="LineCount"/>: the biggest branch box.</summary>
    public const int MaximumLineCount = 32;

    /// <summary>How many PSTN line ports the board has (1–32).</summary>
    public int LineCount { get; set; } = 4;

    /// <summary>Which country's ring cadence and tones the exchange uses: CN, US, CA, GB, UK or EU.</summary>
    public string Country { get; set; } = "CN";

    /// <summary>The FSK modem of on-hook caller ID.</summary>
    public FskStandard CallerIdStandard { get; set; } = FskStandard.Bell202;

    /// <summary>Level of the caller-ID burst (-40 to 0 dBm0).</summary>
    public double CallerIdLevelDbm0 { get; set; } = -13;

    /// <summary>How the exchange signals that the far end hung up.</summary>
    public DisconnectSignal DisconnectSignal { get; set; } = DisconnectSignal.Both;

    /// <summary>Whether a callee's answer reverses the line's polarity (many exchanges do); if not, the box hears ringback stop.</summary>
    public bool ReversePolarityOnAnswer { get; set; } = true;

    /// <summary>Numbers the box can dial on the exchange (see <see cref="SimulatedCalleeOptions"/>).</summary>
    public List<SimulatedCalleeOptions> Callees { get; set; } = [];

    /// <summary>How much of the box's audio each call keeps, in seconds (1–3600); the rest is not kept.</summary>
    public int ReceivedAudioLimitSeconds { get; set; } = 600;

    /// <summary>The serial number the simulated board reports.</summary>
    public string SerialNumber { get; set; } = "SIM-0001";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        => SimulatedBoardOptionsRules.Check(this).Select(failure => new ValidationResult(failure.Problem, [failure.Setting]));
}
