using Microsoft.Extensions.Options;
using Npgsql;

namespace Appliance.HeadOffice.Database;

/// <summary>Refuses a missing or unparsable connection string and a non-positive command timeout, naming the setting.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{DatabaseOptions.SectionName}:ConnectionString is required (use --db or HEADOFFICE_DB).");
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException e)
            {
                failures.Add($"{DatabaseOptions.SectionName}:ConnectionString is not a valid PostgreSQL connection string: {e.Message}");
            }
        }

        if (options.CommandTimeoutSeconds is < 1 or > 3600)
        {
            failures.Add($"{DatabaseOptions.SectionName}:CommandTimeoutSeconds must be between 1 and 3600, not {options.CommandTimeoutSeconds}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
