using System.Text.RegularExpressions;
using Appliance.Storage.Internal;

namespace Appliance.Storage;

/// <summary>Settings changed at run time (e.g. from the web admin), as text key/value pairs with the time of the last change.</summary>
public sealed partial class SettingsRepository(ApplianceDatabase database)
{
    /// <summary>The longest value accepted, in characters.</summary>
    public const int MaxValueLength = 64 * 1024;

    /// <summary>The value of <paramref name="key"/>, or null when it is not set.</summary>
    public string? Get(string key) =>
        database.Read("Reading a setting", connection =>
        {
            using var command = connection.Command("SELECT value FROM settings WHERE key = $key;").With("$key", key);
            return command.ExecuteScalar() as string;
        });

    /// <summary>When <paramref name="key"/> was last set, or null when it is not set.</summary>
    public DateTimeOffset? GetUpdatedAt(string key) =>
        database.Read("Reading a setting", connection =>
        {
            using var command = connection.Command("SELECT updated_at FROM settings WHERE key = $key;").With("$key", key);
            return command.ExecuteScalar() is long at ? UnixTime.FromMilliseconds(at) : (DateTimeOffset?)null;
        });

    /// <summary>Every setting, by key.</summary>
    public IReadOnlyDictionary<string, string> List() =>
        database.Read("Listing settings", connection =>
        {
            using var command = connection.Command("SELECT key, value FROM settings ORDER BY key;");
            return command.ReadAll(reader => (Key: reader.GetString(0), Value: reader.GetString(1)))
                .ToDictionary(row => row.Key, row => row.Value, StringComparer.Ordinal);
        });

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>, stamped with the current time.</summary>
    /// <exception cref="StorageException"><see cref="StorageFailure.InvalidRecord"/>: a bad key or value.</exception>
    public void Set(string key, string value)
    {
        var subject = $"setting '{key}'";
        if (key is null || !KeyPattern().IsMatch(key))
        {
            throw RecordRules.Invalid(subject,
                "the key must be 1-128 letters, digits, ':', '.', '_' or '-', starting with a letter or digit");
        }

        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxValueLength)
        {
            throw RecordRules.Invalid(subject, $"the value is {value.Length} characters long; at most {MaxValueLength} are allowed");
        }

        var now = UnixTime.ToMilliseconds(database.TimeProvider.GetUtcNow());
        database.Write($"Saving {subject}", (connection, transaction) =>
        {
            using var command = connection.Command(
                """
                INSERT INTO settings (key, value, updated_at) VALUES ($key, $value, $at)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
                """,
                transaction);
            return command.With("$key", key).With("$value", value).With("$at", now).ExecuteNonQuery();
        });
    }

    /// <summary>Removes <paramref name="key"/>; returns whether it was set.</summary>
    public bool Remove(string key) =>
        database.Write("Removing a setting", (connection, transaction) =>
        {
            using var command = connection.Command("DELETE FROM settings WHERE key = $key;", transaction).With("$key", key);
            return command.ExecuteNonQuery() > 0;
        });

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9:._-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
