using Grpc.Core;

namespace Appliance.Sync.Transport;

/// <summary>
/// Checks a call's credentials (metadata) before its handler runs. Return <see cref="Status.DefaultSuccess"/> to let it
/// through, or UNAUTHENTICATED (no or unknown credential) / PERMISSION_DENIED (known but not allowed, e.g. revoked) to
/// refuse it with nothing applied. Attach to a service with <see cref="GrpcServerSetup.AuthorizeWith{TService, TAuthorizer}"/>.
/// </summary>
public interface ICallAuthorizer
{
    ValueTask<Status> AuthorizeAsync(ServerCallContext context);
}
