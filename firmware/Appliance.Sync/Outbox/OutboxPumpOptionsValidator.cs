using System.Text.RegularExpressions;
using Appliance.Sync.Transport;
using Microsoft.Extensions.Options;

namespace Appliance.Sync.Outbox;

/// <summary>Checks <see cref="OutboxPumpOptions"/>; each failure starts with the setting's name.</summary>
public sealed partial class OutboxPumpOptionsValidator : IValidateOptions<OutboxPumpOptions>
{
    /// <summary>The shortest branch key accepted: shorter ones can be guessed.</summary>
    public const int MinimumKeyLength = 16;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OutboxPumpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.HeadOfficeAddress.Length > 0)
        {
            if (!Uri.TryCreate(options.HeadOfficeAddress, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            {
                failures.Add($"HeadOfficeAddress: '{options.HeadOfficeAddress}' must be an absolute http:// or https:// address");
            }

            if (options.HeadOfficeCertificateSha256.Length > 0
                && (!CertificatePin.IsFingerprint(options.HeadOfficeCertificateSha256) || !options.HeadOfficeAddress.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add("HeadOfficeCertificateSha256: must be 64 hex digits, and HeadOfficeAddress an https:// address");
            }

            if (!BranchIdPattern().IsMatch(options.BranchId))
            {
                failures.Add("BranchId: must be 1-64 letters, digits, '.', '_' or '-' when HeadOfficeAddress is set");
            }

            if (options.BranchKey.Length < MinimumKeyLength || options.BranchKey.Any(c => c is < '!' or > '~'))
            {
                failures.Add($"BranchKey: must be at least {MinimumKeyLength} printable ASCII characters without spaces when HeadOfficeAddress is set");
            }
        }

        Check(failures, options.BatchSize is >= 1 and <= 10_000, "BatchSize: must be between 1 and 10000");
        Check(failures, options.MaxBatchDelaySeconds is >= 0 and <= 3600, "MaxBatchDelaySeconds: must be between 0 and 3600");
        Check(failures, options.PollIntervalSeconds is >= 0.01 and <= 3600, "PollIntervalSeconds: must be between 0.01 and 3600");
        Check(failures, options.InitialBackoffSeconds is >= 0.01 and <= 3600, "InitialBackoffSeconds: must be between 0.01 and 3600");
        Check(failures, options.MaxBackoffSeconds >= options.InitialBackoffSeconds && options.MaxBackoffSeconds <= 86_400,
            "MaxBackoffSeconds: must be at least InitialBackoffSeconds and at most 86400");
        Check(failures, options.PushTimeoutSeconds is >= 1 and <= 3600, "PushTimeoutSeconds: must be between 1 and 3600");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, bool ok, string failure)
    {
        if (!ok)
        {
            failures.Add(failure);
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex BranchIdPattern();
}
