using System.Net;
using Microsoft.Extensions.Options;

namespace Appliance.Sync.Reporting;

/// <summary>Checks <see cref="ReportServiceOptions"/>; each failure starts with the setting's name.</summary>
public sealed class ReportServiceOptionsValidator : IValidateOptions<ReportServiceOptions>
{
    /// <summary>The shortest head-office key accepted.</summary>
    public const int MinimumKeyLength = 16;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ReportServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.ListenAddress, out _))
        {
            failures.Add($"ListenAddress: '{options.ListenAddress}' must be an IP address, e.g. 127.0.0.1");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add("Port: must be between 1 and 65535");
        }

        if (options.Enabled && (options.HeadOfficeKey.Length < MinimumKeyLength || options.HeadOfficeKey.Any(c => c is < '!' or > '~')))
        {
            failures.Add($"HeadOfficeKey: must be at least {MinimumKeyLength} printable ASCII characters without spaces when Enabled is true");
        }

        if (!Enum.IsDefined(options.ServiceLevelFormula))
        {
            failures.Add("ServiceLevelFormula: must be AnsweredOnly, AbandonsAgainst or ShortAbandonsIgnored");
        }

        if (options.ServiceLevelThresholdSeconds is < 1 or > 3600)
        {
            failures.Add("ServiceLevelThresholdSeconds: must be between 1 and 3600");
        }

        if (options.ShortAbandonThresholdSeconds is < 0 or > 600)
        {
            failures.Add("ShortAbandonThresholdSeconds: must be between 0 and 600");
        }

        if (!(options.StaffingServiceLevelTarget is > 0 and < 1))
        {
            failures.Add("StaffingServiceLevelTarget: must be between 0 and 1 (exclusive), e.g. 0.8");
        }

        if (options.FirstContactWindowMinutes is < 1 or > 10_080)
        {
            failures.Add("FirstContactWindowMinutes: must be between 1 and 10080 (a week)");
        }

        if (options.MaxPageSize is < 1 or > 10_000)
        {
            failures.Add("MaxPageSize: must be between 1 and 10000");
        }

        if (options.DefaultPageSize < 1 || options.DefaultPageSize > options.MaxPageSize)
        {
            failures.Add("DefaultPageSize: must be between 1 and MaxPageSize");
        }

        if (options.MaxRangeDays is < 1 or > 3660)
        {
            failures.Add("MaxRangeDays: must be between 1 and 3660");
        }

        if (options.WatchPollIntervalSeconds is < 0.05 or > 60)
        {
            failures.Add("WatchPollIntervalSeconds: must be between 0.05 and 60");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
