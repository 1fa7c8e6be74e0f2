using System.Net;
using Appliance.HeadOffice.Cli;
using Appliance.HeadOffice.Tests.Support;
using Appliance.Storage;
using Appliance.Sync.Contracts;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Grpc;
using Appliance.Sync.Outbox;
using Appliance.Sync.Reporting;
using Appliance.Sync.Tests.Compat;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.HeadOffice.Tests.Compat;

/// <summary>
/// Records, with the build that still has our own gRPC transport (Appliance.Sync/Grpc), what a box and head office put
/// on the wire, and what the servers of that build answer, into tests/Appliance.Sync.Tests/Compat/recorded. A tool
/// run by hand once (APPLIANCE_RECORD_WIRE=1); it goes with the transport it records.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OldWireRecorder(PostgresServer postgres)
{
    [Fact]
    public async Task Record_the_wire_of_this_build()
    {
        if (Environment.GetEnvironmentVariable("APPLIANCE_RECORD_WIRE") != "1")
        {
            return;
        }

        var recording = new WireRecording { RecordedWith = "the transport of our own (Appliance.Sync/Grpc) before Grpc.AspNetCore / Grpc.Net.Client" };
        await using (var dump = await WireDumpServer.StartAsync())
        {
            await PushAsync(dump, "identity", 1);
            await PushAsync(dump, "gzip", 4);
            Assert.Equal(0, (await CliRun.RunAsync(
                new Dictionary<string, string?> { ["HEADOFFICE_REPORT_KEY"] = CompatBranch.HeadOfficeKey },
                "report", "pull", "--branch", CompatBranch.BranchId, "--address", dump.Address.ToString(),
                "--from", "2026-01-05", "--to", "2026-01-06", "--format", "csv")).ExitCode);
            using (var client = new GrpcClient(dump.Address))
            {
                var headers = new GrpcMetadata { { HeadOfficeKeyAuthorizer.HeaderName, CompatBranch.HeadOfficeKey } };
                await foreach (var unused in client.ServerStreamingAsync<WatchEventsRequest, LiveEvent>(ReportServiceContract.WatchEvents,
                    new WatchEventsRequest { QueueIds = { "vip" } }, new GrpcCallOptions { Headers = headers, Deadline = DateTimeOffset.UtcNow.AddMinutes(5) }))
                {
                }
            }

            string[] names = ["push-batch-identity", "push-batch-gzip", "report-get-kpis", "report-list-calls", "report-watch-events"];
            string[] descriptions =
            [
                "A box's outbox pump (GrpcHeadOfficeSyncClient, Sync:GrpcClient defaults) pushing two tickets and a transaction to head office.",
                "The same with Sync:GrpcClient:RequestCompression=gzip: three other records.",
                "headoffice report pull --branch compat-br --from 2026-01-05 --to 2026-01-06: its GetKpis call.",
                "headoffice report pull: its first (and last) ListCalls page.",
                "A WatchEvents call for queue vip with head office's key and a 5-minute deadline (GrpcClient.ServerStreamingAsync).",
            ];
            Assert.Equal(names.Length, dump.Requests.Count);
            recording.Exchanges.AddRange(dump.Requests.Select((r, i) => new RecordedExchange
            {
                Name = names[i], Description = descriptions[i], Protocol = r.Protocol, Method = r.Method, Path = r.Path,
                Headers = [.. r.Headers], RequestBody = r.Body,
            }));
        }

        await AnswerPushesAsync(recording);
        await AnswerReportCallsAsync(recording);
        recording.Save();
    }

    private static async Task PushAsync(WireDumpServer dump, string compression, int first)
    {
        using var box = new CompatBranch();
        var encoder = new ProtobufOutboxPayloadEncoder();
        var tickets = new TicketRepository(box.Database, encoder);
        tickets.Create(new TicketRecord($"T-{first}", CompatBranch.BranchId, "card", "open", "622202******1234", Notes: "double charge"));
        tickets.Create(new TicketRecord($"T-{first + 1}", CompatBranch.BranchId, "card", "closed", "622202******1234", Notes: "refunded"));
        new TransactionRepository(box.Database, encoder).Create(
            new TransactionRecord($"X-{first}", CompatBranch.BranchId, "bill_payment", "completed", new MoneyAmount(8850, "CNY"), "6222****5678"));
        var options = new OutboxPumpOptions
        {
            HeadOfficeAddress = dump.Address.ToString(), BranchId = CompatBranch.BranchId, BranchKey = CompatBranch.BranchKey, MaxBatchDelaySeconds = 0,
        };
        var client = new GrpcClient(dump.Address, new GrpcClientOptions { RequestCompression = compression }, GrpcClient.CreateHandler(), TimeProvider.System);
        using var headOffice = new GrpcHeadOfficeSyncClient(client, options.BranchId, options.BranchKey, TimeSpan.FromSeconds(options.PushTimeoutSeconds), TimeProvider.System);
        var pump = new OutboxPump(new OutboxRepository(box.Database), headOffice, Options.Create(options), TimeProvider.System, NullLogger<OutboxPump>.Instance);
        await pump.RunOnceAsync(CancellationToken.None);
    }

    private async Task AnswerPushesAsync(WireRecording recording)
    {
        await using var headOffice = await HeadOfficeHarness.StartAsync(await postgres.NewDatabaseAsync());
        await headOffice.EnrolWithKeyAsync(CompatBranch.BranchId, CompatBranch.BranchKey);
        foreach (var exchange in recording.Exchanges.Where(e => e.Name.StartsWith("push-", StringComparison.Ordinal)))
        {
            await AnswerAsync(headOffice.Server.Address, exchange);
        }
    }

    private static async Task AnswerReportCallsAsync(WireRecording recording)
    {
        using var box = new CompatBranch();
        box.SeedReports();
        var service = new BranchReportService(new EventLogRepository(box.Database), new CallRecordRepository(box.Database),
            Options.Create(new ReportServiceOptions()), TimeProvider.System, NullLogger<BranchReportService>.Instance);
        await using var server = await ReportServer.StartAsync(service, new IPEndPoint(IPAddress.Loopback, 0),
            new HeadOfficeKeyAuthorizer(CompatBranch.HeadOfficeKey), TimeProvider.System, NullLoggerFactory.Instance);
        await AnswerAsync(server.Address, recording["report-get-kpis"]);
        await AnswerAsync(server.Address, recording["report-list-calls"]);
    }

    private static async Task AnswerAsync(Uri server, RecordedExchange exchange)
    {
        var answer = await WireReplay.SendAsync(server, exchange);
        Assert.Equal(("0", HttpStatusCode.OK), (answer.GrpcStatus, answer.HttpStatus));
        exchange.ResponseHttpStatus = (int)answer.HttpStatus;
        exchange.ResponseGrpcStatus = answer.GrpcStatus;
        exchange.ResponseMessages = [.. answer.Messages];
    }
}
