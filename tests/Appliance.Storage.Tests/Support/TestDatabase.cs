using System.Security.Cryptography;
using Appliance.Storage.Internal;
using Appliance.Testing;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage.Tests.Support;

/// <summary>A temp folder holding one database file, deleted afterwards, with helpers to poke at the file from outside.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly List<ApplianceDatabase> _opened = [];

    public TestDatabase()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "appliance-storage-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, "appliance.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public ManualTimeProvider Time { get; } = new();

    public ListLogger Logger { get; } = new();

    /// <summary>A database object on the file with the firmware's migrations (or <paramref name="migrations"/>).</summary>
    public ApplianceDatabase Create(IEnumerable<Migration>? migrations = null, string? path = null)
    {
        var database = new ApplianceDatabase(path ?? Path, Logger, Time, null, migrations ?? MigrationCatalog.BuiltIn);
        _opened.Add(database);
        return database;
    }

    /// <summary>A migrated database object.</summary>
    public ApplianceDatabase CreateMigrated()
    {
        var database = Create();
        database.Migrate();
        return database;
    }

    /// <summary>A connection that bypasses ApplianceDatabase entirely, like another program would.</summary>
    public SqliteConnection OpenRaw(string? path = null)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path ?? Path,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public string Hash() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path)));

    /// <summary>Closes every database object's pooled connections, so the WAL is checkpointed into the main file.</summary>
    public void CloseAll()
    {
        foreach (var database in _opened)
        {
            database.Dispose();
        }

        _opened.Clear();
        SqliteConnection.ClearAllPools();
    }

    public void Dispose()
    {
        CloseAll();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
