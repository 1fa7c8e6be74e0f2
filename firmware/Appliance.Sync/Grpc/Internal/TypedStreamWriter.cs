using Google.Protobuf;

namespace Appliance.Sync.Grpc.Internal;

/// <summary>Gives a streaming handler its typed writer over the untyped sink.</summary>
internal sealed class TypedStreamWriter<T>(IGrpcResponseSink sink, CancellationToken callCancellation) : IServerStreamWriter<T>
    where T : IMessage<T>
{
    public Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return sink.WriteAsync(message, cancellationToken.CanBeCanceled ? cancellationToken : callCancellation);
    }
}
