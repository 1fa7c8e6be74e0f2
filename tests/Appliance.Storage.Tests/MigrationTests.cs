using Appliance.Storage.Internal;
using Appliance.Storage.Tests.Support;

namespace Appliance.Storage.Tests;

public sealed class MigrationTests : IDisposable
{
    private static readonly string[] ExpectedTables =
    [
        "agent_states", "agents", "callbacks", "calls", "campaign_contacts", "campaign_dnc", "campaigns",
        "complaint_details", "config_versions", "events", "ivr_menu_options", "ivr_menus", "kpi_agent_last",
        "kpi_agent_time", "kpi_calls", "kpi_cursor", "kpi_quarter_basis", "kpi_quarters", "lines", "outbox",
        "outbox_delivery", "outbox_rejected", "qa_sample_weeks", "qa_samples", "qa_scores", "queue_members",
        "queues", "recording_chain", "recording_holds", "recording_pci_pauses", "recordings", "schema_migrations",
        "settings", "ticket_conflicts", "ticket_history", "ticket_pull_cursor", "tickets", "transactions",
    ];

    // The built-in schema version; test migrations are numbered after it so new built-in migrations don't break them.
    private static readonly int Current = ApplianceDatabase.SupportedSchemaVersion;

    private readonly TestDatabase _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Fresh_migrate_creates_every_table_marks_the_file_and_records_the_migration()
    {
        var database = _files.Create();

        var version = database.Migrate();

        Assert.Equal(ApplianceDatabase.SupportedSchemaVersion, version);
        Assert.True(version >= 1);
        _files.CloseAll();
        using var raw = _files.OpenRaw();
        Assert.Equal((long)ApplianceDatabase.ApplicationId, TestDatabase.Scalar(raw, "PRAGMA application_id;"));
        Assert.Equal((long)version, TestDatabase.Scalar(raw, "PRAGMA user_version;"));
        Assert.Equal("wal", TestDatabase.Scalar(raw, "PRAGMA journal_mode;"));
        using var tables = raw.CreateCommand();
        tables.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name;";
        var names = new List<string>();
        using (var reader = tables.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.Equal(ExpectedTables, names);
        using var history = raw.CreateCommand();
        history.CommandText = "SELECT version, name, applied_at FROM schema_migrations ORDER BY version;";
        using var rows = history.ExecuteReader();
        Assert.True(rows.Read());
        Assert.Equal(1, rows.GetInt32(0));
        Assert.Equal("0001_initial", rows.GetString(1));
        Assert.Equal(_files.Time.GetUtcNow().ToUnixTimeMilliseconds(), rows.GetInt64(2));
    }

    [Fact]
    public void Migrate_creates_a_missing_data_directory()
    {
        var path = Path.Combine(_files.Directory, "data", "nested", "appliance.db");
        var database = _files.Create(path: path);

        Assert.Equal(DatabaseState.Missing, database.Inspect().State);
        database.Migrate();

        Assert.True(database.Inspect().IsCurrent);
    }

    [Fact]
    public void A_zero_length_file_is_initialised()
    {
        File.WriteAllBytes(_files.Path, []);
        var database = _files.Create();

        Assert.Equal(DatabaseState.Empty, database.Inspect().State);
        Assert.Equal(ApplianceDatabase.SupportedSchemaVersion, database.Migrate());
        Assert.True(database.Inspect().IsCurrent);
    }

    [Fact]
    public void Migrating_again_is_a_no_op_that_leaves_the_file_byte_identical()
    {
        _files.CreateMigrated();
        _files.CloseAll();
        var before = _files.Hash();
        _files.Time.Advance(TimeSpan.FromHours(1));

        var database = _files.Create();
        var version = database.Migrate();
        _files.CloseAll();

        Assert.Equal(ApplianceDatabase.SupportedSchemaVersion, version);
        Assert.Equal(before, _files.Hash());
        using var raw = _files.OpenRaw();
        Assert.Equal((long)Current, TestDatabase.Scalar(raw, "SELECT count(*) FROM schema_migrations;"));
        Assert.Contains(_files.Logger.Entries, entry => entry.Id.Id == 3005);
    }

    [Fact]
    public void Migrate_applies_only_the_pending_migrations_and_keeps_data()
    {
        _files.CreateMigrated();
        new SettingsRepository(_files.Create()).Set("branch", "Harbour Road");
        _files.CloseAll();
        var second = new Migration(Current + 1, "9999_add_notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;");

        var database = _files.Create([.. MigrationCatalog.BuiltIn, second]);
        Assert.True(database.Inspect().NeedsMigration);
        Assert.Equal(Current + 1, database.Migrate());

        Assert.Equal("Harbour Road", new SettingsRepository(database).Get("branch"));
        using var connection = database.OpenConnection();
        Assert.Equal(Current + 1L, TestDatabase.Scalar(connection, "SELECT count(*) FROM schema_migrations;"));
        Assert.Equal(0L, TestDatabase.Scalar(connection, "SELECT count(*) FROM notes;"));
    }

    [Fact]
    public void A_failing_migration_rolls_back_completely_and_the_schema_stays_where_it_was()
    {
        var first = _files.CreateMigrated();
        new SettingsRepository(first).Set("branch", "Harbour Road");
        _files.CloseAll();

        // Creates a table, writes a row and alters an existing table before failing: all of it must vanish.
        var broken = new Migration(Current + 1, "9999_broken",
            """
            CREATE TABLE extra (x INTEGER) STRICT;
            INSERT INTO extra VALUES (1);
            ALTER TABLE calls ADD COLUMN note TEXT;
            UPDATE settings SET value = 'changed';
            SELECT * FROM no_such_table;
            """);
        var database = _files.Create([.. MigrationCatalog.BuiltIn, broken]);

        var error = Assert.Throws<StorageException>(() => database.Migrate());

        Assert.Equal(StorageFailure.MigrationFailed, error.Failure);
        Assert.Contains("9999_broken", error.Message, StringComparison.Ordinal);
        Assert.Contains($"stays at schema {Current}", error.Message, StringComparison.Ordinal);
        Assert.Contains(_files.Path, error.Message, StringComparison.Ordinal);
        _files.CloseAll();
        using var raw = _files.OpenRaw();
        Assert.Equal((long)Current, TestDatabase.Scalar(raw, "PRAGMA user_version;"));
        Assert.Equal(0L, TestDatabase.Scalar(raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'extra';"));
        Assert.Equal(0L, TestDatabase.Scalar(raw, "SELECT count(*) FROM pragma_table_info('calls') WHERE name = 'note';"));
        Assert.Equal("Harbour Road", TestDatabase.Scalar(raw, "SELECT value FROM settings WHERE key = 'branch';"));
        Assert.Equal((long)Current, TestDatabase.Scalar(raw, "SELECT count(*) FROM schema_migrations;"));
        Assert.Contains(_files.Logger.Entries, entry => entry.Id.Id == 3004);
    }

    [Fact]
    public void A_failing_first_migration_leaves_an_empty_file_that_a_good_migration_can_still_initialise()
    {
        var broken = new Migration(1, "0001_broken", "CREATE TABLE half (x INTEGER); THIS IS NOT SQL;");
        var database = _files.Create([broken]);

        var error = Assert.Throws<StorageException>(() => database.Migrate());

        Assert.Equal(StorageFailure.MigrationFailed, error.Failure);
        var after = _files.Create().Inspect();
        Assert.Equal(DatabaseState.Empty, after.State);
        using (var raw = _files.OpenRaw())
        {
            Assert.Equal(0L, TestDatabase.Scalar(raw, "PRAGMA application_id;"));
            Assert.Equal(0L, TestDatabase.Scalar(raw, "SELECT count(*) FROM sqlite_schema;"));
        }

        Assert.Equal(ApplianceDatabase.SupportedSchemaVersion, _files.Create().Migrate());
    }

    [Fact]
    public void A_migration_that_leaves_dangling_references_is_rolled_back()
    {
        _files.CreateMigrated();
        _files.CloseAll();
        var dangling = new Migration(Current + 1, "9999_dangling",
            "INSERT INTO queue_members (queue, agent, penalty) VALUES ('nowhere', 'nobody', 0);");
        var database = _files.Create([.. MigrationCatalog.BuiltIn, dangling]);

        var error = Assert.Throws<StorageException>(() => database.Migrate());

        Assert.Equal(StorageFailure.MigrationFailed, error.Failure);
        Assert.Contains("queue_members", error.Message, StringComparison.Ordinal);
        using var raw = _files.OpenRaw();
        Assert.Equal((long)Current, TestDatabase.Scalar(raw, "PRAGMA user_version;"));
        Assert.Equal(0L, TestDatabase.Scalar(raw, "SELECT count(*) FROM queue_members;"));
    }

    [Fact]
    public void The_built_in_migrations_are_embedded_and_numbered_from_one_without_gaps()
    {
        var migrations = MigrationCatalog.BuiltIn;

        Assert.NotEmpty(migrations);
        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
        Assert.Equal("0001_initial", migrations[0].Name);
        Assert.Contains("CREATE TABLE events", migrations[0].Sql, StringComparison.Ordinal);
        Assert.Equal(migrations[^1].Version, ApplianceDatabase.SupportedSchemaVersion);
    }

    [Fact]
    public void A_gap_in_migration_numbers_is_a_build_mistake_reported_loudly()
    {
        var gap = new Migration(Current + 2, "9999_after_a_gap", "SELECT 1;");

        var error = Assert.Throws<InvalidOperationException>(() => MigrationCatalog.Validate([.. MigrationCatalog.BuiltIn, gap]));

        Assert.Contains("9999_after_a_gap", error.Message, StringComparison.Ordinal);
    }
}
