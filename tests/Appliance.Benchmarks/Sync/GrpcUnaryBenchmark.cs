using System.Net;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Transport;
using BenchmarkDotNet.Attributes;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Benchmarks.Sync;

/// <summary>
/// Unary report calls per second over loopback cleartext HTTP/2: the generated client on Grpc.Net.Client against
/// Grpc.AspNetCore, both set up as the appliance sets them up. Each operation makes <see cref="Concurrency"/> calls at
/// once: calls/s = Concurrency / Mean.
/// </summary>
[MemoryDiagnoser]
public class GrpcUnaryBenchmark
{
    private WebApplication? _app;
    private GrpcChannel? _channel;
    private ReportService.ReportServiceClient? _client;
    private readonly GetKpisRequest _request = new() { QueueIds = { "vip", "cards" }, Interval = KpiInterval.Hour };

    [Params(1, 16)]
    public int Concurrency { get; set; }

    /// <summary>
    /// "appliance": the server as the box and head office run it (request checks, request guard, HTTP logging);
    /// "plain": Grpc.AspNetCore alone, to see what our additions cost per call.
    /// </summary>
    [Params("appliance", "plain")]
    public string Pipeline { get; set; } = "appliance";

    [GlobalSetup]
    public void Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(Options.Create(new GrpcServerOptions()));
        if (Pipeline == "appliance")
        {
            builder.Services.AddApplianceGrpc();
        }
        else
        {
            builder.Services.AddGrpc();
        }

        builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0)));
        _app = builder.Build();
        if (Pipeline == "appliance")
        {
            _app.UseApplianceGrpc();
        }

        _app.MapGrpcService<FixedKpis>();
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _channel = GrpcChannelFactory.Create(new Uri(address));
        _client = new ReportService.ReportServiceClient(_channel);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _channel?.Dispose();
        _app?.StopAsync().GetAwaiter().GetResult();
        _app?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "unary GetKpis round trip")]
    public async Task UnaryCalls()
    {
        if (Concurrency == 1)
        {
            await _client!.GetKpisAsync(_request);
            return;
        }

        var calls = new Task[Concurrency];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = _client!.GetKpisAsync(_request).ResponseAsync;
        }

        await Task.WhenAll(calls);
    }

    /// <summary>Answers every GetKpis with the same small response: the benchmark measures the transport, not a service.</summary>
    private sealed class FixedKpis : ReportService.ReportServiceBase
    {
        private static readonly GetKpisResponse Response = new() { Rows = { new KpiRow { QueueId = "vip", Offered = 120, Answered = 110, ServiceLevel = 0.8 } } };

        public override Task<GetKpisResponse> GetKpis(GetKpisRequest request, ServerCallContext context) => Task.FromResult(Response);
    }
}
