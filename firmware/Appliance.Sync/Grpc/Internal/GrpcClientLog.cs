using Microsoft.Extensions.Logging;

namespace Appliance.Sync.Grpc.Internal;

/// <summary>Log messages of the gRPC client (event ids 4120-4139).</summary>
internal static partial class GrpcClientLog
{
    [LoggerMessage(EventId = 4120, Level = LogLevel.Debug, Message = "gRPC call {Method} to {Address} ended with {StatusCode}: {Detail}")]
    public static partial void CallFailed(ILogger logger, string method, Uri address, GrpcStatusCode statusCode, string detail);
}
