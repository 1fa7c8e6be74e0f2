namespace Appliance.Sync.Grpc;

/// <summary>Sends the messages of a server-streaming response, one frame each, flushed as written.</summary>
public interface IServerStreamWriter<in T>
{
    /// <summary>Writes one message. Writes must not overlap.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
