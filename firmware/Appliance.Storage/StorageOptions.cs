using System.ComponentModel.DataAnnotations;

namespace Appliance.Storage;

/// <summary>Settings of the SQLite store, bound from the "Storage" configuration section.</summary>
public sealed class StorageOptions : IValidatableObject
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Storage";

    /// <summary>The database file; a relative path is taken relative to the appliance's data directory.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "must name the database file, e.g. \"appliance.db\"")]
    public string DatabaseFile { get; set; } = "appliance.db";

    /// <summary>
    /// How long a statement waits for another connection's write lock before failing. Writers are short, so a few
    /// seconds covers any honest contention; longer only hides a stuck writer.
    /// </summary>
    [Range(0, 600_000, ErrorMessage = "must be between 0 and 600000 (milliseconds)")]
    public int BusyTimeoutMilliseconds { get; set; } = 5_000;

    /// <summary>The database file's full path for the given data directory.</summary>
    public string ResolveDatabasePath(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        return Path.GetFullPath(Path.Combine(dataDirectory, DatabaseFile));
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(DatabaseFile))
        {
            // [Required] already reports it; nothing more to say about an empty name.
            yield break;
        }

        if (DatabaseFile.IndexOfAny(Path.GetInvalidPathChars()) >= 0 || DatabaseFile.Contains('\0', StringComparison.Ordinal))
        {
            yield return new ValidationResult("contains characters that are not allowed in a path", [nameof(DatabaseFile)]);
        }
        else if (DatabaseFile.EndsWith('/') || DatabaseFile.EndsWith(Path.DirectorySeparatorChar) || DatabaseFile.Trim() != DatabaseFile)
        {
            yield return new ValidationResult(
                $"'{DatabaseFile}' must name a file (no trailing separator or surrounding spaces)", [nameof(DatabaseFile)]);
        }
        else if (DatabaseFile.StartsWith(':') || DatabaseFile.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            // ":memory:" or a URI would silently give a database that is not durable or not where the technician thinks.
            yield return new ValidationResult(
                $"'{DatabaseFile}' must be a plain file path, not an SQLite special name or URI", [nameof(DatabaseFile)]);
        }
    }
}
