namespace Appliance.Sync.Transport;

/// <summary>Limits and behaviour of the gRPC server, bound from <see cref="SectionName"/> and checked by <see cref="GrpcServerOptionsValidator"/>.</summary>
public sealed class GrpcServerOptions
{
    /// <summary>The configuration section these options come from.</summary>
    public const string SectionName = "Sync:GrpcServer";

    /// <summary>Largest request message accepted (after decompression), in bytes; larger gets RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest response message a handler may send, in bytes; larger fails the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// "gzip" compresses responses for clients whose grpc-accept-encoding lists gzip; "identity" never compresses.
    /// </summary>
    public string ResponseCompression { get; set; } = "identity";
}
