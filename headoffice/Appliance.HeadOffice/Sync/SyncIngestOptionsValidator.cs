using Microsoft.Extensions.Options;

namespace Appliance.HeadOffice.Sync;

/// <summary>Refuses limits outside their sensible ranges, naming the setting.</summary>
public sealed class SyncIngestOptionsValidator : IValidateOptions<SyncIngestOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncIngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxRecordsPerBatch is < 1 or > 100_000)
        {
            failures.Add($"{SyncIngestOptions.SectionName}:MaxRecordsPerBatch must be between 1 and 100000, not {options.MaxRecordsPerBatch}.");
        }

        if (options.MaxApplyAttempts is < 1 or > 10)
        {
            failures.Add($"{SyncIngestOptions.SectionName}:MaxApplyAttempts must be between 1 and 10, not {options.MaxApplyAttempts}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
