namespace Appliance.Sync.Grpc;

/// <summary>
/// A call ended with a status other than OK. Thrown by the client for a failed call, and thrown by server handlers
/// to end a call with a chosen status and detail (anything else a handler throws becomes UNKNOWN with no detail).
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException()
        : this(new GrpcStatus(GrpcStatusCode.Unknown, string.Empty))
    {
    }

    public RpcException(string message)
        : this(new GrpcStatus(GrpcStatusCode.Unknown, message))
    {
    }

    public RpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = new GrpcStatus(GrpcStatusCode.Unknown, message);
        Trailers = new GrpcMetadata();
    }

    public RpcException(GrpcStatus status, GrpcMetadata? trailers = null, Exception? innerException = null)
        : base(status.ToString(), innerException)
    {
        Status = status;
        Trailers = trailers ?? new GrpcMetadata();
    }

    public RpcException(GrpcStatusCode code, string detail)
        : this(new GrpcStatus(code, detail))
    {
    }

    /// <summary>The call's status.</summary>
    public GrpcStatus Status { get; }

    /// <summary>Shortcut for <c>Status.Code</c>.</summary>
    public GrpcStatusCode StatusCode => Status.Code;

    /// <summary>Custom trailing metadata that came with (client) or goes with (server) the status.</summary>
    public GrpcMetadata Trailers { get; }
}
