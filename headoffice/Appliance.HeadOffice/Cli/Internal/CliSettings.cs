using System.CommandLine;
using Appliance.HeadOffice.Database;
using Microsoft.Extensions.Configuration;

namespace Appliance.HeadOffice.Cli.Internal;

/// <summary>
/// Options every verb shares, and the configuration built from them: environment variables
/// (<c>HeadOffice__Sync__MaxRecordsPerBatch</c>…), then <c>HEADOFFICE_DB</c>, then <c>--db</c>.
/// </summary>
internal sealed class CliSettings
{
    public const string DatabaseEnvironmentVariable = "HEADOFFICE_DB";

    public Option<string?> Database { get; } = new("--db")
    {
        Description = $"PostgreSQL connection string (default: ${DatabaseEnvironmentVariable}).",
        Recursive = true,
    };

    public IConfiguration Build(ParseResult parse, IReadOnlyDictionary<string, string?> environment)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in environment)
        {
            if (name.StartsWith("HeadOffice__", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Sync__", StringComparison.OrdinalIgnoreCase))
            {
                values[name.Replace("__", ":", StringComparison.Ordinal)] = value;
            }
        }

        var connectionString = parse.GetValue(Database)
            ?? (environment.TryGetValue(DatabaseEnvironmentVariable, out var fromEnvironment) ? fromEnvironment : null);
        if (connectionString is not null)
        {
            values[$"{DatabaseOptions.SectionName}:ConnectionString"] = connectionString;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
