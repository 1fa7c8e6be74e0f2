using Microsoft.Extensions.Options;

namespace Appliance.Banking;

/// <summary>Checks <see cref="BankingOptions"/>; each failure starts with the setting's name.</summary>
public sealed class BankingOptionsValidator : IValidateOptions<BankingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, BankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add("Mode: must be Simulated or Http");
        }

        if (options.Mode == BankingMode.Simulated)
        {
            Require(failures, !string.IsNullOrWhiteSpace(options.SeedFile), "SeedFile: must name the simulated bank's seed file");
            Require(failures, !string.IsNullOrWhiteSpace(options.StateFile), "StateFile: must name a file for the card states");
        }

        Require(failures, options.SimulatedLatencyMilliseconds is >= 0 and <= 60_000, "SimulatedLatencyMilliseconds: must be between 0 and 60000");
        Require(failures, options.MaxWrongPins is >= 0 and <= 20, "MaxWrongPins: must be between 0 and 20 (0 turns lockout off)");
        if (options.Mode == BankingMode.Http
            && !(Uri.TryCreate(options.HttpBaseAddress, UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add($"HttpBaseAddress: '{options.HttpBaseAddress}' must be an absolute http:// or https:// address in Http mode");
        }

        Require(failures, options.HttpTimeoutMilliseconds is >= 100 and <= 60_000, "HttpTimeoutMilliseconds: must be between 100 and 60000");
        Require(failures, options.HttpRetries is >= 0 and <= 5, "HttpRetries: must be between 0 and 5");
        Require(failures, options.HttpRetryDelayMilliseconds is >= 0 and <= 10_000, "HttpRetryDelayMilliseconds: must be between 0 and 10000");
        Require(failures, options.BreakerFailureRatio is >= 0.1 and <= 1.0, "BreakerFailureRatio: must be between 0.1 and 1");
        Require(failures, options.BreakerMinimumThroughput is >= 2 and <= 1000, "BreakerMinimumThroughput: must be between 2 and 1000");
        Require(failures, options.BreakerSamplingSeconds is >= 1 and <= 3600, "BreakerSamplingSeconds: must be between 1 and 3600");
        Require(failures, options.BreakerBreakSeconds is >= 1 and <= 3600, "BreakerBreakSeconds: must be between 1 and 3600");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, bool condition, string failure)
    {
        if (!condition)
        {
            failures.Add(failure);
        }
    }
}
