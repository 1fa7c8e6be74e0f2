using Microsoft.Extensions.Logging;

namespace Appliance.Sync.Grpc.Internal;

/// <summary>Log messages of the gRPC server (event ids 4100-4119).</summary>
internal static partial class GrpcServerLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "gRPC call {Method} from {Peer} started")]
    public static partial void CallStarted(ILogger logger, string method, string peer);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "gRPC call {Method} from {Peer} ended with {StatusCode}: {Detail}")]
    public static partial void CallFailed(ILogger logger, string method, string peer, GrpcStatusCode statusCode, string detail);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "gRPC handler for {Method} threw; the client gets UNKNOWN")]
    public static partial void HandlerThrew(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Refused request to {Path}: content-type {ContentType} is not gRPC (HTTP 415)")]
    public static partial void WrongContentType(ILogger logger, string path, string contentType);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Refused request to {Path}: gRPC needs HTTP/2, got {Protocol} (HTTP 426)")]
    public static partial void WrongProtocol(ILogger logger, string path, string protocol);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Debug, Message = "gRPC call {Method} from {Peer} ended because the client went away")]
    public static partial void ClientGone(ILogger logger, string method, string peer);
}
