using Appliance.Storage.Internal;
using Appliance.Storage.Tests.Support;

namespace Appliance.Storage.Tests;

/// <summary>Files the firmware must not touch: each is reported by Inspect, refused by Migrate and Open, and left byte-identical.</summary>
public sealed class RefusalTests : IDisposable
{
    private readonly TestDatabase _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Random_bytes_are_reported_corrupt_and_refused_without_a_change()
    {
        var bytes = new byte[64 * 1024];
        new Random(42).NextBytes(bytes);
        File.WriteAllBytes(_files.Path, bytes);

        var error = AssertRefusedUnchanged(DatabaseState.Corrupt, StorageFailure.Corrupt);

        Assert.Contains("not an SQLite database", error.Message, StringComparison.Ordinal);
        Assert.Contains("restore a backup", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_cut_short_inside_the_header_is_corrupt()
    {
        File.WriteAllBytes(_files.Path, "SQLite format 3\0"u8.ToArray());

        AssertRefusedUnchanged(DatabaseState.Corrupt, StorageFailure.Corrupt);
    }

    [Fact]
    public void A_real_database_with_clobbered_pages_is_corrupt_and_refused_without_a_change()
    {
        FillWithData(_files.CreateMigrated());
        _files.CloseAll();
        Assert.False(File.Exists(_files.Path + "-wal"), "the WAL should be checkpointed into the main file");

        // Overwrite the second half of the file's pages (table and index b-trees) with noise, keeping page 1 intact.
        var bytes = File.ReadAllBytes(_files.Path);
        const int pageSize = 4096;
        var pages = bytes.Length / pageSize;
        Assert.True(pages >= 8, $"expected a database of several pages, got {pages}");
        var noise = new Random(7);
        for (var page = pages / 2; page < pages; page++)
        {
            noise.NextBytes(bytes.AsSpan(page * pageSize, pageSize));
        }

        File.WriteAllBytes(_files.Path, bytes);

        var error = AssertRefusedUnchanged(DatabaseState.Corrupt, StorageFailure.Corrupt);

        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_foreign_sqlite_database_is_refused_without_a_change()
    {
        using (var raw = _files.OpenRaw())
        {
            TestDatabase.Execute(raw,
                """
                CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);
                CREATE TABLE orders (id INTEGER PRIMARY KEY, customer INTEGER REFERENCES customers(id));
                INSERT INTO customers (name) VALUES ('Ada'), ('Grace');
                """);
        }

        var error = AssertRefusedUnchanged(DatabaseState.Foreign, StorageFailure.Foreign);

        Assert.Contains("not this appliance's database", error.Message, StringComparison.Ordinal);
        Assert.Contains("customers", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:DatabaseFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_otherwise_empty_database_with_another_application_id_is_foreign()
    {
        using (var raw = _files.OpenRaw())
        {
            TestDatabase.Execute(raw, "PRAGMA application_id = 1234; PRAGMA user_version = 3;");
        }

        AssertRefusedUnchanged(DatabaseState.Foreign, StorageFailure.Foreign);
    }

    [Fact]
    public void A_database_from_newer_firmware_is_refused_with_advice_and_without_a_change()
    {
        // One past whatever this firmware knows, so the test keeps meaning "newer" as migrations are added.
        var future = ApplianceDatabase.SupportedSchemaVersion + 1;
        _files.CreateMigrated();
        _files.CloseAll();
        using (var raw = _files.OpenRaw())
        {
            TestDatabase.Execute(raw,
                $"PRAGMA user_version = {future}; INSERT INTO schema_migrations (version, name, applied_at) VALUES ({future}, 'future', 0);");
        }

        var error = AssertRefusedUnchanged(DatabaseState.NewerSchema, StorageFailure.NewerSchema);

        Assert.Equal(
            $"{_files.Path} was written by newer firmware (schema {future}, this firmware knows {ApplianceDatabase.SupportedSchemaVersion}): "
            + "refusing to open it; install newer firmware or restore a backup",
            error.Message);
        Assert.Equal(future, _files.Create().Inspect().SchemaVersion);
    }

    [Fact]
    public void Our_database_whose_version_disagrees_with_its_history_is_corrupt()
    {
        _files.CreateMigrated();
        _files.CloseAll();
        using (var raw = _files.OpenRaw())
        {
            TestDatabase.Execute(raw, "DROP TABLE schema_migrations;");
        }

        AssertRefusedUnchanged(DatabaseState.Corrupt, StorageFailure.Corrupt);
    }

    [Fact]
    public void Open_on_a_missing_file_refuses_and_does_not_create_it()
    {
        var database = _files.Create();

        var error = Assert.Throws<StorageException>(() => database.Open());

        Assert.Equal(StorageFailure.Missing, error.Failure);
        Assert.Contains("db migrate", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_files.Path));
        Assert.Throws<StorageException>(() => database.OpenConnection().Dispose());
        Assert.False(File.Exists(_files.Path));
    }

    [Fact]
    public void Open_on_an_outdated_schema_asks_for_a_migration_and_changes_nothing()
    {
        _files.CreateMigrated();
        _files.CloseAll();
        var before = _files.Hash();
        var newer = _files.Create([.. MigrationCatalog.BuiltIn, new Migration(ApplianceDatabase.SupportedSchemaVersion + 1, "9999_more", "CREATE TABLE more (x INTEGER);")]);

        var error = Assert.Throws<StorageException>(() => newer.Open());

        Assert.Equal(StorageFailure.OutdatedSchema, error.Failure);
        Assert.Contains($"schema {ApplianceDatabase.SupportedSchemaVersion}", error.Message, StringComparison.Ordinal);
        _files.CloseAll();
        Assert.Equal(before, _files.Hash());
    }

    [Fact]
    public void A_directory_where_the_file_should_be_is_a_clear_error()
    {
        Directory.CreateDirectory(_files.Path);

        var error = Assert.Throws<StorageException>(() => _files.Create().Inspect());

        Assert.Equal(StorageFailure.IoError, error.Failure);
        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }

    private StorageException AssertRefusedUnchanged(DatabaseState expectedState, StorageFailure expectedFailure)
    {
        var before = _files.Hash();
        var length = new FileInfo(_files.Path).Length;
        var database = _files.Create();

        var inspection = database.Inspect();
        Assert.Equal(expectedState, inspection.State);
        Assert.False(inspection.NeedsMigration);
        Assert.False(inspection.IsCurrent);

        var migrateError = Assert.Throws<StorageException>(() => database.Migrate());
        Assert.Equal(expectedFailure, migrateError.Failure);
        Assert.Contains(_files.Path, migrateError.Message, StringComparison.Ordinal);

        var openError = Assert.Throws<StorageException>(() => database.Open());
        Assert.Equal(expectedFailure, openError.Failure);
        Assert.Throws<StorageException>(() => database.OpenConnection().Dispose());
        Assert.Throws<StorageException>(() => new SettingsRepository(database).Get("anything"));

        _files.CloseAll();
        Assert.Equal(length, new FileInfo(_files.Path).Length);
        Assert.Equal(before, _files.Hash());
        Assert.Contains(_files.Logger.Entries, entry => entry.Id.Id == 3001 && entry.Message.Contains(_files.Path, StringComparison.Ordinal));
        return migrateError;
    }

    private void FillWithData(ApplianceDatabase database)
    {
        var events = new EventLogRepository(database);
        var batch = Enumerable.Range(0, 400)
            .Select(i => new CallEventRecord(_files.Time.GetUtcNow(), $"call-{i}", "ENTERQUEUE", "general", null, $"{{\"n\":{i}}}"))
            .ToList();
        events.Append(batch);
        var calls = new CallRecordRepository(database);
        for (var i = 0; i < 100; i++)
        {
            calls.Insert(new CallRecord($"call-{i}", 1, "analog", "5550100", null, _files.Time.GetUtcNow(), null,
                _files.Time.GetUtcNow(), "main", "general", null, "abandoned", 1000, null, "caller", null));
        }
    }
}
