using Google.Protobuf;

namespace Appliance.Sync.Grpc.Internal;

/// <summary>Where a bound handler's response messages go (the server call writes them as frames).</summary>
internal interface IGrpcResponseSink
{
    Task WriteAsync(IMessage message, CancellationToken cancellationToken);
}
