namespace Appliance.Sync.Grpc;

/// <summary>
/// Checks each call's credentials (metadata, client certificate) before the request message is read or the handler
/// runs. Return <see cref="GrpcStatus.Ok"/> to let the call through, or UNAUTHENTICATED (no or unknown credential) /
/// PERMISSION_DENIED (known but not allowed, e.g. revoked) to refuse it with nothing applied.
/// </summary>
public interface IGrpcCallAuthorizer
{
    ValueTask<GrpcStatus> AuthorizeAsync(ServerCallContext context);
}
