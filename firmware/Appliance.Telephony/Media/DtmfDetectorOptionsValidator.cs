using Microsoft.Extensions.Options;

namespace Appliance.Telephony.Media;

/// <summary>Checks <see cref="DtmfDetectorOptions"/>; every failure names the setting.</summary>
public sealed class DtmfDetectorOptionsValidator : IValidateOptions<DtmfDetectorOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DtmfDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(failures, nameof(options.MinimumToneLevelDbm0), options.MinimumToneLevelDbm0, -60, -10);
        Check(failures, nameof(options.MaximumHighGroupExcessDb), options.MaximumHighGroupExcessDb, 0, 20);
        Check(failures, nameof(options.MaximumLowGroupExcessDb), options.MaximumLowGroupExcessDb, 0, 20);
        Check(failures, nameof(options.FrequencyTolerancePercent), options.FrequencyTolerancePercent, 1.6, 3.4);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every bad setting.</summary>
    internal static void ThrowIfInvalid(DtmfDetectorOptions options)
    {
        var result = new DtmfDetectorOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }
    }

    private static void Check(List<string> failures, string setting, double value, double minimum, double maximum)
    {
        if (!double.IsFinite(value) || value < minimum || value > maximum)
        {
            failures.Add($"{DtmfDetectorOptions.SectionName}:{setting} is {value}; it must be between {minimum} and {maximum}.");
        }
    }
}
