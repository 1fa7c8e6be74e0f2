namespace Appliance.Sync.Transport;

/// <summary>Limits and behaviour of the gRPC client, bound from <see cref="SectionName"/> and checked by <see cref="GrpcClientOptionsValidator"/>.</summary>
public sealed class GrpcClientOptions
{
    /// <summary>The configuration section these options come from.</summary>
    public const string SectionName = "Sync:GrpcClient";

    /// <summary>Largest response message accepted (after decompression), in bytes; larger fails the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest request message sent, in bytes; larger fails the call with RESOURCE_EXHAUSTED before anything is sent.</summary>
    public int MaxSendMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>"gzip" compresses request messages (grpc-encoding: gzip); "identity" does not.</summary>
    public string RequestCompression { get; set; } = "identity";

    /// <summary>Deadline for calls that set none, in seconds; 0 means calls without a deadline wait forever.</summary>
    public double DefaultTimeoutSeconds { get; set; } = 30;
}
