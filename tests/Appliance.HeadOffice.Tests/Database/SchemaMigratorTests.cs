using Appliance.HeadOffice.Database;
using Appliance.HeadOffice.Tests.Support;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Appliance.HeadOffice.Tests.Database;

[Collection(PostgresCollection.Name)]
public sealed class SchemaMigratorTests(PostgresServer postgres)
{
    [Fact]
    public async Task Migrating_twice_applies_each_numbered_step_once()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.NewDatabaseAsync());
        var migrator = new SchemaMigrator(dataSource, new ManualTimeProvider(), NullLogger<SchemaMigrator>.Instance);

        Assert.Equal(SchemaMigrator.LatestVersion, await migrator.MigrateAsync(CancellationToken.None));
        Assert.Equal(SchemaMigrator.LatestVersion, await migrator.MigrateAsync(CancellationToken.None));

        await using var command = dataSource.CreateCommand("SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_migrations;");
        Assert.Equal(string.Join(',', Enumerable.Range(1, SchemaMigrator.LatestVersion)), await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_database_from_a_newer_head_office_is_refused_and_left_alone()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.NewDatabaseAsync());
        var migrator = new SchemaMigrator(dataSource, new ManualTimeProvider(), NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);
        await using (var future = dataSource.CreateCommand("INSERT INTO schema_migrations VALUES (99, 'from the future', now());"))
        {
            await future.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
        await using var count = dataSource.CreateCommand("SELECT COUNT(*) FROM schema_migrations;");
        Assert.Equal(SchemaMigrator.LatestVersion + 1L, await count.ExecuteScalarAsync());
    }
}
