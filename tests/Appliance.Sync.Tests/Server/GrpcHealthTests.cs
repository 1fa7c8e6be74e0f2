using System.Net;
using Appliance.Storage;
using Appliance.Sync.Reporting;
using Appliance.Sync.Tests.Compat;
using Appliance.Sync.Tests.Support;
using Appliance.Sync.Transport;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Sync.Tests.Server;

/// <summary>
/// The box's report port answers the standard gRPC health service (grpc.health.v1.Health) without head office's key,
/// to Grpc.Net.Client and to grpc-js, while its report calls still need the key; NOT_SERVING while its event log
/// cannot be read.
/// </summary>
public sealed class GrpcHealthTests : IAsyncLifetime
{
    private readonly CompatBranch _box = new();
    private ReportServer _server = null!;

    public async Task InitializeAsync()
    {
        var service = new BranchReportService(new EventLogRepository(_box.Database), new CallRecordRepository(_box.Database), TestKpis.Reporter(_box.Database),
            Options.Create(new ReportServiceOptions()), TimeProvider.System, NullLogger<BranchReportService>.Instance);
        _server = await ReportServer.StartAsync(service, new IPEndPoint(IPAddress.Loopback, 0), new HeadOfficeKeyAuthorizer(CompatBranch.HeadOfficeKey),
            TimeProvider.System, NullLoggerFactory.Instance);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _box.Dispose();
    }

    [Fact]
    public async Task Check_says_serving_without_a_key_while_report_calls_still_need_one()
    {
        using var channel = GrpcChannelFactory.Create(_server.Address);

        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await new Contracts.Report.V1.ReportService.ReportServiceClient(channel).ListCallsAsync(new Contracts.Report.V1.ListCallsRequest()));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task Check_says_not_serving_while_the_event_log_cannot_be_read()
    {
        using var channel = GrpcChannelFactory.Create(_server.Address);
        await using (var sqlite = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_box.Database.Path}"))
        {
            await sqlite.OpenAsync();
            await using var hide = sqlite.CreateCommand();
            hide.CommandText = "ALTER TABLE events RENAME TO events_hidden;";
            await hide.ExecuteNonQueryAsync();
        }

        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, health.Status);
    }

    [Fact]
    public async Task Check_of_a_service_it_does_not_know_is_not_found()
    {
        using var channel = GrpcChannelFactory.Create(_server.Address);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Grpc_js_health_check_says_serving()
    {
        var result = await NodePeer.RunReportClientAsync("health", _server.Address, "-");

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal("SERVING", result.GetProperty("status").GetString());
    }
}
