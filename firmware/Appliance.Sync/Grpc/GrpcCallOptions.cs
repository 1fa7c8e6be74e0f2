namespace Appliance.Sync.Grpc;

/// <summary>Per-call settings of a client call.</summary>
public sealed class GrpcCallOptions
{
    /// <summary>When the call gives up with DEADLINE_EXCEEDED (sent to the server as grpc-timeout); null uses the client's default.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Custom metadata to send as request headers (e.g. the branch credential).</summary>
    public GrpcMetadata? Headers { get; init; }

    /// <summary>Cancels the call (the server sees RST_STREAM CANCEL); the call then fails with CANCELLED.</summary>
    public CancellationToken CancellationToken { get; init; }
}
