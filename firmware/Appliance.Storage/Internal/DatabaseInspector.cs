using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage.Internal;

/// <summary>
/// Works out what a file is without changing it: the file header is read directly, and SQLite only ever sees it
/// through a read-only connection, so a refused file stays byte-identical.
/// </summary>
internal static class DatabaseInspector
{
    private const int HeaderLength = 100;
    private static ReadOnlySpan<byte> SqliteMagic => "SQLite format 3\0"u8;

    public static DatabaseInspection Inspect(string path, int applicationId, int supportedVersion, int busyTimeoutMilliseconds)
    {
        DatabaseInspection Result(DatabaseState state, int version, string detail) =>
            new(path, state, version, supportedVersion, detail);

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return Directory.Exists(path)
                ? throw new StorageException(StorageFailure.IoError,
                    $"{path} is a directory, not a database file; point Storage:DatabaseFile at a file")
                : Result(DatabaseState.Missing, 0, "no file at this path");
        }

        if (file.Length == 0)
        {
            return Result(DatabaseState.Empty, 0, "zero-length file");
        }

        if (!HasSqliteHeader(path, out var headerProblem, out var usesWriteAheadLog))
        {
            return Result(DatabaseState.Corrupt, 0, headerProblem);
        }

        try
        {
            return InspectContent(path, applicationId, supportedVersion, busyTimeoutMilliseconds, Result)
                with { UsesWriteAheadLog = usesWriteAheadLog };
        }
        catch (SqliteException exception) when (SqliteErrors.IsCorruption(exception))
        {
            return Result(DatabaseState.Corrupt, 0, $"SQLite cannot read it: {exception.Message}");
        }
        catch (SqliteException exception)
        {
            throw SqliteErrors.Translate(exception, path, "Inspecting the database");
        }
    }

    private static bool HasSqliteHeader(string path, out string problem, out bool usesWriteAheadLog)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        int read;
        try
        {
            // FileShare.ReadWrite: a running appliance may hold the file open; we only look.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            read = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StorageException(StorageFailure.IoError,
                $"{path} cannot be read ({exception.Message}); check its permissions and the storage device", exception);
        }

        // Header offsets 18 and 19 are the file format write/read versions: 2 means WAL mode.
        usesWriteAheadLog = read >= HeaderLength && header[18] == 2 && header[19] == 2;
        if (read < HeaderLength || !header[..SqliteMagic.Length].SequenceEqual(SqliteMagic))
        {
            problem = "it does not start with the SQLite file header, so it is not an SQLite database";
            return false;
        }

        problem = string.Empty;
        return true;
    }

    private static DatabaseInspection InspectContent(
        string path,
        int applicationId,
        int supportedVersion,
        int busyTimeoutMilliseconds,
        Func<DatabaseState, int, string, DatabaseInspection> result)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout = {busyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture)};");

        var fileApplicationId = Convert.ToInt32(Scalar(connection, "PRAGMA application_id;"), CultureInfo.InvariantCulture);
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        var integrity = QuickCheck(connection);
        if (integrity is not null)
        {
            return result(DatabaseState.Corrupt, 0, $"the integrity check failed: {integrity}");
        }

        var tables = UserTables(connection);
        if (fileApplicationId != applicationId)
        {
            return fileApplicationId == 0 && version == 0 && tables.Count == 0
                ? result(DatabaseState.Empty, 0, "an SQLite database with nothing in it")
                : result(DatabaseState.Foreign, 0, DescribeForeign(fileApplicationId, version, tables));
        }

        if (version > supportedVersion)
        {
            return result(DatabaseState.NewerSchema, version, $"schema {version} was written by newer firmware");
        }

        if (version == 0)
        {
            return tables.Count == 0
                ? result(DatabaseState.Empty, 0, "this appliance's database with no schema yet")
                : result(DatabaseState.Corrupt, 0, "it carries this appliance's id but has tables without a schema version");
        }

        var recorded = tables.Contains("schema_migrations")
            ? Convert.ToInt32(Scalar(connection, "SELECT coalesce(max(version), 0) FROM schema_migrations;"), CultureInfo.InvariantCulture)
            : -1;
        return recorded == version
            ? result(DatabaseState.Ours, version, $"this appliance's database at schema {version}")
            : result(DatabaseState.Corrupt, 0,
                $"its schema version ({version}) disagrees with its migration history ({(recorded < 0 ? "missing" : recorded)})");
    }

    /// <summary>Returns null when the check passes, else the first problems SQLite reported.</summary>
    private static string? QuickCheck(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(5);";
        using var reader = command.ExecuteReader();
        var problems = new List<string>();
        while (reader.Read())
        {
            problems.Add(reader.GetString(0));
        }

        return problems is ["ok"] ? null : string.Join("; ", problems);
    }

    private static HashSet<string> UserTables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name;";
        using var reader = command.ExecuteReader();
        var tables = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static string DescribeForeign(int fileApplicationId, int version, HashSet<string> tables)
    {
        var sample = string.Join(", ", tables.Order(StringComparer.Ordinal).Take(5));
        var more = tables.Count > 5 ? $" and {tables.Count - 5} more" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"application_id 0x{fileApplicationId:X8} is not this appliance's, user_version {version}, tables: {(tables.Count == 0 ? "none" : sample + more)}");
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
