using Appliance.Drivers.Simulated.Internal;
using Microsoft.Extensions.Options;

namespace Appliance.Drivers.Simulated;

/// <summary>Checks <see cref="SimulatedBoardOptions"/>; each failure starts with the setting's full configuration key.</summary>
public sealed class SimulatedBoardOptionsValidator : IValidateOptions<SimulatedBoardOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SimulatedBoardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = SimulatedBoardOptionsRules.Check(options)
            .Select(failure => $"{SimulatedBoardOptions.SectionName}:{failure.Setting} {failure.Problem}")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
