using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;

namespace Appliance.Sync.Grpc;

/// <summary>What a server handler knows about the call it is serving.</summary>
public sealed class ServerCallContext
{
    private readonly HttpContext _httpContext;

    internal ServerCallContext(
        HttpContext httpContext, string method, DateTimeOffset? deadline, GrpcMetadata requestHeaders, CancellationToken cancellationToken)
    {
        _httpContext = httpContext;
        Method = method;
        Deadline = deadline;
        RequestHeaders = requestHeaders;
        CancellationToken = cancellationToken;
    }

    /// <summary>The full method path, e.g. <c>/appliance.sync.v1.SyncService/PushBatch</c>.</summary>
    public string Method { get; }

    /// <summary>When the client gives up (from grpc-timeout), or null for no deadline.</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>The client's custom metadata (reserved gRPC and HTTP headers left out).</summary>
    public GrpcMetadata RequestHeaders { get; }

    /// <summary>Custom metadata to send in the trailers with the status.</summary>
    public GrpcMetadata ResponseTrailers { get; } = new();

    /// <summary>Cancelled when the client cancels, the connection drops, or the deadline passes.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The remote end as "ip:port".</summary>
    public string Peer => $"{_httpContext.Connection.RemoteIpAddress}:{_httpContext.Connection.RemotePort}";

    /// <summary>The client's TLS certificate when the connection is TLS with client certificates, else null.</summary>
    public X509Certificate2? ClientCertificate => _httpContext.Connection.ClientCertificate;

    /// <summary>The underlying HTTP exchange, for what the gRPC view does not expose.</summary>
    public HttpContext GetHttpContext() => _httpContext;
}
