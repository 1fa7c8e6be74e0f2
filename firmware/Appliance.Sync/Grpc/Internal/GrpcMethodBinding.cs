using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Appliance.Sync.Grpc.Internal;

/// <summary>
/// The uniform shape every bound method is reduced to: request in, response frames out through the sink.
/// Unary handlers write exactly one response; server-streaming handlers write any number.
/// </summary>
internal delegate Task GrpcServerMethodHandler(IMessage request, IGrpcResponseSink sink, ServerCallContext context);

/// <summary>One method of a service bound to a handler.</summary>
internal sealed record GrpcMethodBinding(MethodDescriptor Method, GrpcServerMethodHandler Handler)
{
    /// <summary>The HTTP/2 :path, "/package.Service/Method" (case-sensitive).</summary>
    public string Path { get; } = $"/{Method.Service.FullName}/{Method.Name}";
}
