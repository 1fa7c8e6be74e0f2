using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Appliance.Storage.Internal;

/// <summary>
/// Applies pending migrations, each in its own IMMEDIATE transaction together with its schema_migrations row and the
/// user_version bump, so a failure leaves the database exactly at the previous version.
/// </summary>
internal sealed class MigrationRunner(
    string databaseFile,
    int applicationId,
    IReadOnlyList<Migration> migrations,
    TimeProvider timeProvider,
    ILogger logger)
{
    private const string CreateHistoryTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER NOT NULL PRIMARY KEY,
            name       TEXT    NOT NULL,
            applied_at INTEGER NOT NULL
        ) STRICT;
        """;

    /// <summary>Brings the database on <paramref name="connection"/> up to the newest migration and returns its version.</summary>
    /// <param name="connection">An open read-write connection with foreign key enforcement OFF (see below).</param>
    public int Run(SqliteConnection connection)
    {
        // WAL survives in the file once set and cannot be changed inside a transaction, so it is set here, before
        // the first migration, rather than on every connection.
        var mode = Convert.ToString(Scalar(connection, null, "PRAGMA journal_mode = WAL;"), CultureInfo.InvariantCulture);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new StorageException(StorageFailure.IoError,
                $"{databaseFile} could not be switched to write-ahead logging (journal mode stayed '{mode}'); "
                + "the file system may not support the shared-memory file SQLite needs");
        }

        var version = CurrentVersion(connection, null);
        foreach (var migration in migrations)
        {
            if (migration.Version > version)
            {
                version = Apply(connection, migration);
            }
        }

        return version;
    }

    private int Apply(SqliteConnection connection, Migration migration)
    {
        var before = CurrentVersion(connection, null);
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);

            // Re-read under the write lock: another process may have migrated while we waited for it.
            var current = CurrentVersion(connection, transaction);
            if (current >= migration.Version)
            {
                StorageLog.MigrationAlreadyApplied(logger, migration.Name, databaseFile);
                return current;
            }

            if (current == 0)
            {
                Execute(connection, transaction,
                    $"PRAGMA application_id = {applicationId.ToString(CultureInfo.InvariantCulture)};");
            }

            Execute(connection, transaction, CreateHistoryTable);
            foreach (var statement in SqlScript.Statements(migration.Sql))
            {
                Execute(connection, transaction, statement);
            }

            // Foreign keys are off during migrations (a table rebuild would otherwise cascade deletes), so they
            // are checked once here instead, as SQLite's documented schema-change procedure says.
            var violation = Scalar(connection, transaction, "PRAGMA foreign_key_check;");
            if (violation is not null)
            {
                throw new StorageException(StorageFailure.MigrationFailed,
                    $"migration {migration.Name} would leave rows in table '{violation}' that point at missing rows");
            }

            using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $at);";
                record.Parameters.AddWithValue("$version", migration.Version);
                record.Parameters.AddWithValue("$name", migration.Name);
                record.Parameters.AddWithValue("$at", UnixTime.ToMilliseconds(timeProvider.GetUtcNow()));
                record.ExecuteNonQuery();
            }

            Execute(connection, transaction,
                $"PRAGMA user_version = {migration.Version.ToString(CultureInfo.InvariantCulture)};");
            transaction.Commit();
        }
        catch (Exception exception) when (exception is SqliteException or StorageException)
        {
            // Disposing the transaction above has already rolled everything back.
            StorageLog.MigrationFailed(logger, exception, migration.Name, databaseFile, before);
            var reason = exception is SqliteException sqlite
                ? $"SQLite error {sqlite.SqliteExtendedErrorCode}: {sqlite.Message}"
                : exception.Message;
            throw new StorageException(StorageFailure.MigrationFailed,
                $"{databaseFile}: migration {migration.Name} failed ({reason}); it was rolled back and the database "
                + $"stays at schema {before}. Report this with the log; restore a backup if the appliance cannot start",
                exception);
        }

        StorageLog.MigrationApplied(logger, migration.Name, databaseFile, migration.Version);
        return migration.Version;
    }

    private static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction) =>
        Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version;"), CultureInfo.InvariantCulture);

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
