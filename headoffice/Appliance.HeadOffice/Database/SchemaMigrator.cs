using Appliance.HeadOffice.Database.Internal;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Appliance.HeadOffice.Database;

/// <summary>
/// Brings the database to the schema this build knows, one numbered step per transaction. Several servers starting at
/// once take turns (advisory lock); a database from a newer build is refused rather than written to.
/// </summary>
public sealed class SchemaMigrator
{
    // Arbitrary but fixed: the advisory lock every head-office process uses to serialize migrations.
    private const long MigrationLockId = 0x48_4F_4D_49_47; // "HOMIG"

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly ILogger<SchemaMigrator> _logger;

    public SchemaMigrator(NpgsqlDataSource dataSource, TimeProvider time, ILogger<SchemaMigrator> logger)
    {
        _dataSource = dataSource;
        _time = time;
        _logger = logger;
    }

    /// <summary>The newest schema version this build knows.</summary>
    public static int LatestVersion => Migrations.All[^1].Version;

    /// <summary>Applies every missing step; returns the schema version afterwards.</summary>
    /// <exception cref="InvalidOperationException">The database has a newer schema than this build knows.</exception>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version      integer PRIMARY KEY,
                description  text NOT NULL,
                applied_at   timestamptz NOT NULL
            );
            """, cancellationToken);

        var current = 0;
        foreach (var migration in Migrations.All)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockId});", cancellationToken);
            current = await ReadVersionAsync(connection, transaction, cancellationToken);
            if (current > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The database schema is version {current}, newer than this head office knows ({LatestVersion}); upgrade head office.");
            }

            if (migration.Version <= current)
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using (var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, description, applied_at) VALUES ($1, $2, $3);", connection, transaction))
            {
                record.Parameters.Add(new() { Value = migration.Version });
                record.Parameters.Add(new() { Value = migration.Description });
                record.Parameters.Add(new() { Value = _time.GetUtcNow().UtcDateTime });
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            current = migration.Version;
            DatabaseLog.MigrationApplied(_logger, migration.Version, migration.Description);
        }

        return current;
    }

    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_migrations;", connection, transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
