using Microsoft.Extensions.Options;

namespace Appliance.Telephony.Media;

/// <summary>Checks <see cref="CallerIdReceiverOptions"/>; every failure names the setting.</summary>
public sealed class CallerIdReceiverOptionsValidator : IValidateOptions<CallerIdReceiverOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CallerIdReceiverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Modulation))
        {
            failures.Add($"{CallerIdReceiverOptions.SectionName}:{nameof(options.Modulation)} is {options.Modulation}; it must be Auto, Bell202 or V23.");
        }

        if (!double.IsFinite(options.MinimumLevelDbm0) || options.MinimumLevelDbm0 < -60 || options.MinimumLevelDbm0 > -10)
        {
            failures.Add($"{CallerIdReceiverOptions.SectionName}:{nameof(options.MinimumLevelDbm0)} is {options.MinimumLevelDbm0}; it must be between -60 and -10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every bad setting.</summary>
    internal static void ThrowIfInvalid(CallerIdReceiverOptions options)
    {
        var result = new CallerIdReceiverOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }
    }
}
