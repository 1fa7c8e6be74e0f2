using System.Globalization;
using System.Net;
using Appliance.HeadOffice.Branches;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Transport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.HeadOffice.Tests.Support;

/// <summary>
/// A branch's ReportService with fixed figures, on Grpc.AspNetCore set up as the box sets it up, on a real Kestrel on
/// 127.0.0.1. It pages calls by the requested size, and admits only head office's key.
/// </summary>
internal sealed class FakeBranchReportService : ReportService.ReportServiceBase, ICallAuthorizer, IAsyncDisposable
{
    public const string HeadOfficeKey = "head-office-secret";

    private WebApplication? _app;

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public List<CallRecord> Calls { get; } = [];

    public List<GetKpisRequest> KpiRequests { get; } = [];

    public static async Task<FakeBranchReportService> StartAsync()
    {
        var service = new FakeBranchReportService();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(Options.Create(new GrpcServerOptions()));
        builder.Services.AddSingleton(service);
        builder.Services.AddApplianceGrpc().AuthorizeWith<FakeBranchReportService, FakeBranchReportService>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0)));
        service._app = builder.Build();
        service._app.UseApplianceGrpc();
        service._app.MapGrpcService<FakeBranchReportService>();
        await service._app.StartAsync();
        service.Address = new Uri(service._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return service;
    }

    public ValueTask<Status> AuthorizeAsync(ServerCallContext context) =>
        ValueTask.FromResult(context.RequestHeaders.GetValue(BranchMetadata.HeadOfficeKeyKey) == HeadOfficeKey
            ? Status.DefaultSuccess
            : new Status(StatusCode.Unauthenticated, "Head-office key missing or wrong."));

    public override Task<GetKpisResponse> GetKpis(GetKpisRequest request, ServerCallContext context)
    {
        KpiRequests.Add(request);
        return Task.FromResult(new GetKpisResponse
        {
            Rows =
            {
                new KpiRow
                {
                    IntervalStart = request.From, QueueId = "general", Offered = 40, Answered = 36, Abandoned = 4, AnsweredWithinThreshold = 30,
                    ServiceLevel = 0.75, AbandonRate = 0.1, AverageSpeedOfAnswer = Duration.FromTimeSpan(TimeSpan.FromSeconds(12.5)),
                    AverageWait = Duration.FromTimeSpan(TimeSpan.FromSeconds(14)), AverageHandlingTime = Duration.FromTimeSpan(TimeSpan.FromSeconds(185)),
                    AfterCallWork = Duration.FromTimeSpan(TimeSpan.FromSeconds(20)), LoginTime = Duration.FromTimeSpan(TimeSpan.FromHours(8)), Occupancy = 0.62,
                },
            },
        });
    }

    public override Task<ListCallsResponse> ListCalls(ListCallsRequest request, ServerCallContext context)
    {
        var start = request.PageToken.Length == 0 ? 0 : int.Parse(request.PageToken, CultureInfo.InvariantCulture);
        var page = Calls.Skip(start).Take(request.PageSize).ToList();
        var next = start + page.Count;
        return Task.FromResult(new ListCallsResponse
        {
            Calls = { page },
            NextPageToken = next < Calls.Count ? next.ToString(CultureInfo.InvariantCulture) : string.Empty,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
