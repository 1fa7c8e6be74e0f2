using Appliance.Sync.Contracts;
using Appliance.Sync.Contracts.Report.V1;
using Appliance.Sync.Contracts.Sync.V1;
using Appliance.Sync.Grpc;
using Appliance.Sync.Tests.Support;
using Microsoft.Extensions.Options;

namespace Appliance.Sync.Tests.Server;

public sealed class GrpcServiceDefinitionTests
{
    [Fact]
    public void Implementation_methods_are_bound_by_name_from_the_descriptor()
    {
        var definition = GrpcServiceDefinition.FromImplementation(ReportServiceContract.Service, new TestReportService());

        // TestReportService has no ListCalls: that method stays unbound (UNIMPLEMENTED when called).
        Assert.Equal(["GetKpis", "WatchEvents"], definition.Bindings.Select(b => b.Method.Name).Order());
        Assert.Contains(definition.Bindings, b => b.Path == "/appliance.report.v1.ReportService/WatchEvents");
    }

    [Fact]
    public void Wrong_message_types_are_refused_at_bind_time()
    {
        var definition = new GrpcServiceDefinition(SyncServiceContract.Service);

        var error = Assert.Throws<ArgumentException>(() => definition.AddUnary<GetKpisRequest, GetKpisResponse>(
            "PushBatch", (_, _) => Task.FromResult(new GetKpisResponse())));
        Assert.Contains("PushBatchRequest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Streaming_method_cannot_be_bound_as_unary_and_unknown_names_are_refused()
    {
        var definition = new GrpcServiceDefinition(ReportServiceContract.Service);

        Assert.Throws<ArgumentException>(() => definition.AddUnary<WatchEventsRequest, LiveEvent>(
            "WatchEvents", (_, _) => Task.FromResult(new LiveEvent())));
        Assert.Throws<ArgumentException>(() => definition.AddUnary<PushBatchRequest, PushBatchResponse>(
            "Nope", (_, _) => Task.FromResult(new PushBatchResponse())));
    }

    [Fact]
    public void Implementation_with_a_wrong_signature_is_refused()
    {
        Assert.Throws<ArgumentException>(() => GrpcServiceDefinition.FromImplementation(SyncServiceContract.Service, new WrongSignature()));
    }

    [Fact]
    public void Bad_settings_are_refused_with_the_setting_named()
    {
        var server = new GrpcServerOptionsValidator().Validate(null, new GrpcServerOptions { MaxReceiveMessageSize = 10, ResponseCompression = "zstd" });
        var client = new GrpcClientOptionsValidator().Validate(null, new GrpcClientOptions { DefaultTimeoutSeconds = -1 });

        Assert.Contains("Sync:GrpcServer:MaxReceiveMessageSize", server.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Sync:GrpcServer:ResponseCompression", server.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Sync:GrpcClient:DefaultTimeoutSeconds", client.FailureMessage, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new GrpcClient(new Uri("http://127.0.0.1:1"), new GrpcClientOptions { RequestCompression = "br" }));
        Assert.Same(ValidateOptionsResult.Success, new GrpcServerOptionsValidator().Validate(null, new GrpcServerOptions()));
    }

    private sealed class WrongSignature
    {
        public Task<PushBatchResponse> PushBatch(PushBatchRequest request) => Task.FromResult(new PushBatchResponse());
    }
}
