using Appliance.Sync.Transport;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Appliance.HeadOffice.Branches;

/// <summary>
/// Lets a sync call through only with the id and key of an enrolled, unrevoked branch: UNAUTHENTICATED when either is
/// missing or they do not match, PERMISSION_DENIED for a revoked branch. The authenticated id is left on the call for
/// the handler, which refuses a batch that claims another branch.
/// </summary>
public sealed class BranchCredentialAuthorizer : ICallAuthorizer
{
    private static readonly object AuthenticatedBranchItem = new();

    private readonly BranchRegistry _registry;
    private readonly ILogger<BranchCredentialAuthorizer> _logger;

    public BranchCredentialAuthorizer(BranchRegistry registry, ILogger<BranchCredentialAuthorizer> logger)
    {
        _registry = registry;
        _logger = logger;
    }

    /// <summary>The branch this authorizer authenticated on <paramref name="context"/>, or null.</summary>
    public static string? AuthenticatedBranch(ServerCallContext context) =>
        context?.GetHttpContext().Items[AuthenticatedBranchItem] as string;

    public async ValueTask<Status> AuthorizeAsync(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var branchId = context.RequestHeaders.GetValue(BranchMetadata.BranchIdKey);
        var key = context.RequestHeaders.GetValue(BranchMetadata.BranchKeyKey);
        if (string.IsNullOrEmpty(branchId) || string.IsNullOrEmpty(key))
        {
            return Refuse(context, StatusCode.Unauthenticated,
                $"Branch credential missing: send metadata '{BranchMetadata.BranchIdKey}' and '{BranchMetadata.BranchKeyKey}'.");
        }

        var check = await _registry.CheckAsync(branchId, key, context.CancellationToken);
        switch (check)
        {
            case BranchCredentialCheck.Valid:
                context.GetHttpContext().Items[AuthenticatedBranchItem] = branchId;
                return Status.DefaultSuccess;
            case BranchCredentialCheck.Revoked:
                return Refuse(context, StatusCode.PermissionDenied, $"Branch '{branchId}' is revoked.");
            default:
                return Refuse(context, StatusCode.Unauthenticated, "Unknown branch credential.");
        }
    }

    private Status Refuse(ServerCallContext context, StatusCode code, string detail)
    {
        BranchRegistryLog.CallRefused(_logger, context.Method, context.Peer, detail);
        return new Status(code, detail);
    }
}
