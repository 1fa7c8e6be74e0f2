using Grpc.Core;

namespace Appliance.Sync.Tests.Support;

/// <summary>A server call context for calling a service's handler directly, without a transport.</summary>
internal sealed class TestCallContext(CancellationToken cancellationToken, string peer = "ipv4:127.0.0.1:50000") : ServerCallContext
{
    protected override string MethodCore => "/test/Direct";

    protected override string HostCore => "localhost";

    protected override string PeerCore => peer;

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore { get; } = [];

    protected override CancellationToken CancellationTokenCore => cancellationToken;

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
