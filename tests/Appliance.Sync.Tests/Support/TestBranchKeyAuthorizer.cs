using Appliance.Sync.Tests.Compat;
using Appliance.Sync.Transport;
using Grpc.Core;

namespace Appliance.Sync.Tests.Support;

/// <summary>Accepts the key of branch 7 (and of the wire recording's branch), refuses a revoked key, and requires one at all.</summary>
internal sealed class TestBranchKeyAuthorizer : ICallAuthorizer
{
    public const string Key = "key-of-branch-7";
    public const string RevokedKey = "key-of-revoked-branch";

    public ValueTask<Status> AuthorizeAsync(ServerCallContext context)
    {
        var key = context.RequestHeaders.GetValue("x-branch-key");
        return ValueTask.FromResult(key switch
        {
            null => new Status(StatusCode.Unauthenticated, "x-branch-key is missing."),
            Key or CompatBranch.BranchKey => Status.DefaultSuccess,
            RevokedKey => new Status(StatusCode.PermissionDenied, "Branch credential is revoked."),
            _ => new Status(StatusCode.Unauthenticated, "Unknown branch credential."),
        });
    }
}
