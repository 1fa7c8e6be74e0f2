using System.Globalization;
using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>The configured PSTN lines.</summary>
public sealed class LineRepository(ApplianceDatabase database)
{
    /// <summary>The highest port number the schema accepts.</summary>
    public const int MaxPort = 256;

    private const string Select = "SELECT port, name, entry_menu, enabled FROM lines";

    /// <summary>Every line, by port.</summary>
    public IReadOnlyList<LineRecord> List() =>
        database.Read("Listing lines", connection =>
        {
            using var command = connection.Command(Select + " ORDER BY port;");
            return command.ReadAll(Map);
        });

    /// <summary>The line on <paramref name="port"/>, or null.</summary>
    public LineRecord? Get(int port) =>
        database.Read("Reading a line", connection =>
        {
            using var command = connection.Command(Select + " WHERE port = $port;").With("$port", port);
            return command.ReadAll(Map).SingleOrDefault();
        });

    /// <summary>Creates or replaces the line on its port.</summary>
    /// <exception cref="StorageException"><see cref="StorageFailure.InvalidRecord"/>: a bad value or an entry menu that does not exist.</exception>
    public void Upsert(LineRecord line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var subject = string.Create(CultureInfo.InvariantCulture, $"line {line.Port}");
        RecordRules.Range(line.Port, 1, MaxPort, subject, "port");
        RecordRules.Text(line.Name, subject, "name", RecordRules.MaxNameLength);
        if (line.EntryMenu is not null)
        {
            RecordRules.Identifier(line.EntryMenu, subject, "entry menu");
        }

        database.Write($"Saving {subject}", (connection, transaction) =>
        {
            if (line.EntryMenu is not null
                && !connection.Exists(transaction, "SELECT 1 FROM ivr_menus WHERE name = $name;", "$name", line.EntryMenu))
            {
                throw RecordRules.Invalid(subject, $"entry menu '{line.EntryMenu}' does not exist; create the menu first");
            }

            using var command = connection.Command(
                """
                INSERT INTO lines (port, name, entry_menu, enabled) VALUES ($port, $name, $menu, $enabled)
                ON CONFLICT (port) DO UPDATE SET name = excluded.name, entry_menu = excluded.entry_menu, enabled = excluded.enabled;
                """,
                transaction);
            command.With("$port", line.Port).With("$name", line.Name).With("$menu", line.EntryMenu).With("$enabled", line.Enabled);
            return command.ExecuteNonQuery();
        });
    }

    /// <summary>Removes the line on <paramref name="port"/>; returns whether there was one.</summary>
    public bool Delete(int port) =>
        database.Write("Deleting a line", (connection, transaction) =>
        {
            using var command = connection.Command("DELETE FROM lines WHERE port = $port;", transaction).With("$port", port);
            return command.ExecuteNonQuery() > 0;
        });

    private static LineRecord Map(SqliteDataReader reader) =>
        new(reader.GetInt32(0), reader.GetString(1), reader.GetNullableString(2), reader.GetBoolean(3));
}
