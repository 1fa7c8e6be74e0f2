using System.Net;
using Appliance.Sync.Contracts;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Grpc;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Appliance.Benchmarks.Sync;

/// <summary>
/// Unary report calls per second over loopback cleartext HTTP/2: our client against our Kestrel server.
/// Each operation makes <see cref="Concurrency"/> calls at once: calls/s = Concurrency / Mean.
/// </summary>
[MemoryDiagnoser]
public class GrpcUnaryBenchmark
{
    private WebApplication? _app;
    private GrpcClient? _client;
    private readonly GetKpisRequest _request = new() { QueueIds = { "vip", "cards" }, Interval = KpiInterval.Hour };

    [Params(1, 16)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpcTransport(builder.Configuration);
        builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0)));
        _app = builder.Build();
        var response = new GetKpisResponse { Rows = { new KpiRow { QueueId = "vip", Offered = 120, Answered = 110, ServiceLevel = 0.8 } } };
        _app.MapGrpcService(new GrpcServiceDefinition(ReportServiceContract.Service)
            .AddUnary<GetKpisRequest, GetKpisResponse>("GetKpis", (_, _) => Task.FromResult(response)));
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _client = new GrpcClient(new Uri(address));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.Dispose();
        _app?.StopAsync().GetAwaiter().GetResult();
        _app?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "unary GetKpis round trip")]
    public async Task UnaryCalls()
    {
        if (Concurrency == 1)
        {
            await _client!.UnaryAsync<GetKpisRequest, GetKpisResponse>(ReportServiceContract.GetKpis, _request);
            return;
        }

        var calls = new Task[Concurrency];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = _client!.UnaryAsync<GetKpisRequest, GetKpisResponse>(ReportServiceContract.GetKpis, _request);
        }

        await Task.WhenAll(calls);
    }
}
