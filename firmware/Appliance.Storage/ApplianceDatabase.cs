using System.Globalization;
using Appliance.Storage.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Appliance.Storage;

/// <summary>
/// The appliance's SQLite database file: inspects it, migrates it, and hands out configured connections.
/// Synchronous on purpose (SQLite is); callers keep it off the media thread. Thread-safe: every operation uses its own
/// connection, taken from Microsoft.Data.Sqlite's pool.
/// </summary>
public sealed class ApplianceDatabase : IDisposable
{
    /// <summary>The value of <c>PRAGMA application_id</c> that marks a file as this appliance's ("BCCA").</summary>
    public const int ApplicationId = 0x42434341;

    private readonly ILogger _logger;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly int _busyTimeoutMilliseconds;
    private readonly string _connectionString;
    private readonly string _configureConnectionSql;
    private volatile bool _ready;
    private volatile bool _disposed;

    /// <summary>Creates the database object for the file at <paramref name="path"/>; nothing is opened or created yet.</summary>
    /// <param name="path">The database file (made absolute).</param>
    /// <param name="logger">Where inspection, migration and refusals are logged.</param>
    /// <param name="timeProvider">Clock for recorded timestamps (migrations applied, settings updated).</param>
    /// <param name="options">Busy timeout; its DatabaseFile is not used here, the caller resolved <paramref name="path"/> already.</param>
    public ApplianceDatabase(string path, ILogger<ApplianceDatabase> logger, TimeProvider timeProvider, StorageOptions? options = null)
        : this(path, logger, timeProvider, options, MigrationCatalog.BuiltIn)
    {
    }

    /// <summary>Test seam: the same database with a different list of migrations (e.g. one that fails on purpose).</summary>
    internal ApplianceDatabase(
        string path, ILogger logger, TimeProvider timeProvider, StorageOptions? options, IEnumerable<Migration> migrations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Path = System.IO.Path.GetFullPath(path);
        _logger = logger;
        TimeProvider = timeProvider;
        _migrations = MigrationCatalog.Validate(migrations);
        _busyTimeoutMilliseconds = (options ?? new StorageOptions()).BusyTimeoutMilliseconds;
        ArgumentOutOfRangeException.ThrowIfNegative(_busyTimeoutMilliseconds, nameof(options));

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWrite,
            ForeignKeys = true,
            Pooling = true,

            // Microsoft.Data.Sqlite retries a busy statement until the command timeout on top of SQLite's own
            // busy_timeout; keeping the two equal makes the setting mean what it says.
            DefaultTimeout = Math.Max(1, (_busyTimeoutMilliseconds + 999) / 1000),
        }.ToString();
        _configureConnectionSql = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
    }

    /// <summary>The newest schema version this firmware knows.</summary>
    public static int SupportedSchemaVersion => MigrationCatalog.BuiltIn[^1].Version;

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <summary>The clock repositories use for timestamps they set themselves.</summary>
    internal TimeProvider TimeProvider { get; }

    private int NewestKnownVersion => _migrations.Count == 0 ? 0 : _migrations[^1].Version;

    /// <summary>Reports what the file is, without modifying it (read-only access only).</summary>
    /// <exception cref="StorageException">The file cannot be read at all (permissions, I/O error, a directory).</exception>
    public DatabaseInspection Inspect()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var inspection = DatabaseInspector.Inspect(Path, ApplicationId, NewestKnownVersion, _busyTimeoutMilliseconds);
        StorageLog.Inspected(_logger, Path, inspection.State, inspection.SchemaVersion, inspection.Detail);
        return inspection;
    }

    /// <summary>
    /// Creates the file if needed and applies every pending migration, each in its own transaction. A corrupt, foreign
    /// or newer file is refused and left byte-identical.
    /// </summary>
    /// <returns>The schema version after migrating.</returns>
    /// <exception cref="StorageException">The file was refused, or a migration failed and was rolled back.</exception>
    public int Migrate()
    {
        var inspection = Inspect();
        RefuseUnusable(inspection);

        // A current file restored from a backup may have lost WAL mode; the runner (with nothing to apply) sets it again.
        if (!inspection.NeedsMigration && inspection.UsesWriteAheadLog)
        {
            StorageLog.AlreadyCurrent(_logger, Path, inspection.SchemaVersion);
            _ready = true;
            return inspection.SchemaVersion;
        }

        if (inspection.State is DatabaseState.Missing or DatabaseState.Empty)
        {
            StorageLog.Initialising(_logger, Path, inspection.State);
            var directory = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        // Its own unpooled connection with foreign keys off: such a connection must never reach the pool.
        var migrationConnectionString = new SqliteConnectionStringBuilder(_connectionString)
        {
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = false,
            Pooling = false,
        }.ToString();
        try
        {
            using var connection = new SqliteConnection(migrationConnectionString);
            connection.Open();
            using (var configure = connection.CreateCommand())
            {
                configure.CommandText = string.Create(CultureInfo.InvariantCulture,
                    $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = OFF;");
                configure.ExecuteNonQuery();
            }

            var runner = new MigrationRunner(Path, ApplicationId, _migrations, TimeProvider, _logger);
            var version = runner.Run(connection);
            _ready = true;
            return version;
        }
        catch (SqliteException exception)
        {
            throw SqliteErrors.Translate(exception, Path, "Migrating the database");
        }
    }

    /// <summary>
    /// Checks, without changing anything, that the file is this firmware's database at the supported schema, and makes
    /// the database ready for <see cref="OpenConnection"/>.
    /// </summary>
    /// <returns>The schema version.</returns>
    /// <exception cref="StorageException">The file is missing, outdated (run <see cref="Migrate"/>), corrupt, foreign or newer.</exception>
    public int Open()
    {
        var inspection = Inspect();
        RefuseUnusable(inspection);
        if (!inspection.IsCurrent)
        {
            Refuse(Refusals.ForNotCurrent(inspection));
        }

        _ready = true;
        StorageLog.Opened(_logger, Path, inspection.SchemaVersion);
        return inspection.SchemaVersion;
    }

    /// <summary>
    /// An open connection with WAL, synchronous=FULL, foreign_keys=ON and the busy timeout. The caller disposes it.
    /// The first call checks the file (as <see cref="Open"/>) unless <see cref="Migrate"/> or <see cref="Open"/> ran.
    /// </summary>
    /// <exception cref="StorageException">The file is not usable, or cannot be opened.</exception>
    public SqliteConnection OpenConnection()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_ready)
        {
            Open();
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();

            // Pooled connections keep these, but setting them again costs microseconds and guarantees them even if
            // something changed them on a connection before it went back to the pool.
            using var configure = connection.CreateCommand();
            configure.CommandText = _configureConnectionSql;
            configure.ExecuteNonQuery();
            return connection;
        }
        catch (SqliteException exception)
        {
            connection.Dispose();
            throw SqliteErrors.Translate(exception, Path, "Opening a connection");
        }
    }

    /// <summary>Runs a read on its own connection; SQLite errors become <see cref="StorageException"/>s naming <paramref name="action"/>.</summary>
    internal T Read<T>(string action, Func<SqliteConnection, T> work)
    {
        using var connection = OpenConnection();
        try
        {
            return work(connection);
        }
        catch (SqliteException exception)
        {
            throw SqliteErrors.Translate(exception, Path, action);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one IMMEDIATE transaction (the write lock is taken up front, so checks made inside
    /// cannot be invalidated before the write) and commits; any exception rolls everything back.
    /// </summary>
    internal T Write<T>(string action, Func<SqliteConnection, SqliteTransaction, T> work)
    {
        using var connection = OpenConnection();
        try
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        catch (SqliteException exception)
        {
            throw SqliteErrors.Translate(exception, Path, action);
        }
    }

    /// <summary>Closes the pooled connections, so the file is checkpointed and released.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private void RefuseUnusable(DatabaseInspection inspection)
    {
        if (Refusals.ForUnusable(inspection) is { } refusal)
        {
            Refuse(refusal);
        }
    }

    private void Refuse(StorageException refusal)
    {
        StorageLog.Refused(_logger, Path, refusal.Failure, refusal.Message);
        throw refusal;
    }
}
