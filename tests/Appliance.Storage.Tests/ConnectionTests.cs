using Appliance.Storage.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Storage.Tests;

public sealed class ConnectionTests : IDisposable
{
    private readonly TestDatabase _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Connections_use_wal_synchronous_full_foreign_keys_and_the_busy_timeout()
    {
        using var database = new ApplianceDatabase(_files.Path, NullLogger<ApplianceDatabase>.Instance, _files.Time,
            new StorageOptions { BusyTimeoutMilliseconds = 1234 });
        database.Migrate();

        using var connection = database.OpenConnection();

        Assert.Equal("wal", TestDatabase.Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal(2L, TestDatabase.Scalar(connection, "PRAGMA synchronous;")); // 2 = FULL
        Assert.Equal(1L, TestDatabase.Scalar(connection, "PRAGMA foreign_keys;"));
        Assert.Equal(1234L, TestDatabase.Scalar(connection, "PRAGMA busy_timeout;"));
    }

    [Fact]
    public void Migrate_puts_a_current_file_that_lost_wal_mode_back_into_it()
    {
        _files.CreateMigrated();
        _files.CloseAll();
        using (var raw = _files.OpenRaw())
        {
            // What a backup restored with VACUUM INTO or copied from another tool looks like.
            Assert.Equal("delete", TestDatabase.Scalar(raw, "PRAGMA journal_mode = DELETE;"));
        }

        var database = _files.Create();
        Assert.False(database.Inspect().UsesWriteAheadLog);

        Assert.Equal(ApplianceDatabase.SupportedSchemaVersion, database.Migrate());

        Assert.True(database.Inspect().UsesWriteAheadLog);
        using var connection = database.OpenConnection();
        Assert.Equal("wal", TestDatabase.Scalar(connection, "PRAGMA journal_mode;"));
    }

    [Fact]
    public void A_pooled_connection_that_was_changed_is_configured_again_when_reused()
    {
        var database = _files.CreateMigrated();
        using (var first = database.OpenConnection())
        {
            TestDatabase.Execute(first, "PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;");
        }

        using var second = database.OpenConnection();

        Assert.Equal(2L, TestDatabase.Scalar(second, "PRAGMA synchronous;"));
        Assert.Equal(1L, TestDatabase.Scalar(second, "PRAGMA foreign_keys;"));
    }

    [Fact]
    public void The_first_connection_checks_the_file_when_neither_migrate_nor_open_ran()
    {
        _files.CreateMigrated();
        _files.CloseAll();
        var database = _files.Create();

        using var connection = database.OpenConnection();

        Assert.Equal((long)ApplianceDatabase.SupportedSchemaVersion, TestDatabase.Scalar(connection, "PRAGMA user_version;"));
        Assert.Contains(_files.Logger.Entries, entry => entry.Id.Id == 3006);
    }

    [Fact]
    public void Open_returns_the_schema_version_of_a_current_file_without_changing_it()
    {
        _files.CreateMigrated();
        _files.CloseAll();
        var before = _files.Hash();

        Assert.Equal(ApplianceDatabase.SupportedSchemaVersion, _files.Create().Open());

        _files.CloseAll();
        Assert.Equal(before, _files.Hash());
    }

    [Fact]
    public void A_disposed_database_hands_out_no_connections()
    {
        var database = _files.CreateMigrated();
        database.Dispose();

        Assert.Throws<ObjectDisposedException>(() => database.OpenConnection());
        Assert.Throws<ObjectDisposedException>(() => database.Inspect());
    }

    [Fact]
    public void Foreign_key_enforcement_is_live_on_repository_connections()
    {
        var database = _files.CreateMigrated();
        using var connection = database.OpenConnection();

        var error = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() =>
            TestDatabase.Execute(connection, "INSERT INTO queue_members (queue, agent, penalty) VALUES ('none', 'nobody', 0);"));

        Assert.Contains("FOREIGN KEY", error.Message, StringComparison.Ordinal);
    }
}
