using Microsoft.Extensions.Logging;

namespace Appliance.HeadOffice.Branches;

/// <summary>Log messages of the branch registry and the branch credential check.</summary>
internal static partial class BranchRegistryLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Enrolled branch {BranchId} (reinstated: {Reinstated})")]
    public static partial void Enrolled(ILogger logger, string branchId, bool reinstated);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Revoked branch {BranchId}")]
    public static partial void Revoked(ILogger logger, string branchId);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Refused call {Method} from {Peer}: {Reason}")]
    public static partial void CallRefused(ILogger logger, string method, string peer, string reason);
}
