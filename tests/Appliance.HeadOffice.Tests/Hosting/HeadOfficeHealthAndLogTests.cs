using Appliance.HeadOffice.Tests.Support;
using Grpc.Core;
using Grpc.Health.V1;
using Npgsql;

namespace Appliance.HeadOffice.Tests.Hosting;

/// <summary>
/// The head-office server answers the standard gRPC health service (SERVING while PostgreSQL answers, NOT_SERVING when
/// it does not), and logs one line per request.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HeadOfficeHealthAndLogTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _logs = new();
    private HeadOfficeHarness _headOffice = null!;

    public async Task InitializeAsync() => _headOffice = await HeadOfficeHarness.StartAsync(await postgres.NewDatabaseAsync(), _logs);

    public async Task DisposeAsync() => await _headOffice.DisposeAsync();

    [Fact]
    public async Task Health_is_serving_for_the_server_and_the_sync_service_and_not_serving_once_the_database_is_gone()
    {
        using var channel = _headOffice.Channel();
        var health = new Health.HealthClient(channel);

        var server = await health.CheckAsync(new HealthCheckRequest());
        var sync = await health.CheckAsync(new HealthCheckRequest { Service = "appliance.sync.v1.SyncService" });
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await health.CheckAsync(new HealthCheckRequest { Service = "nope" }));
        Assert.Equal((HealthCheckResponse.Types.ServingStatus.Serving, HealthCheckResponse.Types.ServingStatus.Serving), (server.Status, sync.Status));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);

        await DropDatabaseAsync();

        var after = await health.CheckAsync(new HealthCheckRequest { Service = "appliance.sync.v1.SyncService" });
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, after.Status);
    }

    [Fact]
    public async Task Each_request_is_logged_with_its_path_status_and_duration_but_no_credential()
    {
        var key = await _headOffice.EnrolAsync("branch-log");

        await _headOffice.PushAsync("branch-log", key, TestRecords.Mixed(0, 2));

        var line = Assert.Single(_logs.Lines, l => l.Category.Contains("HttpLogging", StringComparison.Ordinal)
            && l.Message.Contains("/appliance.sync.v1.SyncService/PushBatch", StringComparison.Ordinal)).Message;
        Assert.Contains("StatusCode: 200", line, StringComparison.Ordinal);
        Assert.Contains("Duration", line, StringComparison.Ordinal);
        Assert.DoesNotContain(key, string.Join('\n', _logs.Lines.Select(l => l.Message)), StringComparison.Ordinal);
    }

    private async Task DropDatabaseAsync()
    {
        var target = new NpgsqlConnectionStringBuilder(_headOffice.ConnectionString);
        var database = target.Database;
        target.Database = "postgres";
        await using var connection = new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database}\" WITH (FORCE);", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
