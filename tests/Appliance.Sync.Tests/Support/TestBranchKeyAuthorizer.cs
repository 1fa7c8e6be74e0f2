using Appliance.Sync.Grpc;

namespace Appliance.Sync.Tests.Support;

/// <summary>Accepts the key of branch 7, refuses a revoked key, and requires one at all.</summary>
internal sealed class TestBranchKeyAuthorizer : IGrpcCallAuthorizer
{
    public const string Key = "key-of-branch-7";
    public const string RevokedKey = "key-of-revoked-branch";

    public ValueTask<GrpcStatus> AuthorizeAsync(ServerCallContext context)
    {
        var key = context.RequestHeaders.Get("x-branch-key");
        return ValueTask.FromResult(key switch
        {
            null => new GrpcStatus(GrpcStatusCode.Unauthenticated, "x-branch-key is missing."),
            Key => GrpcStatus.Ok,
            RevokedKey => new GrpcStatus(GrpcStatusCode.PermissionDenied, "Branch credential is revoked."),
            _ => new GrpcStatus(GrpcStatusCode.Unauthenticated, "Unknown branch credential."),
        });
    }
}
