using Microsoft.Extensions.Logging;

namespace Appliance.Core.Acd.Internal;

internal static partial class AgentFeatureLog
{
    [LoggerMessage(EventId = 2450, Level = LogLevel.Information, Message = "Agent {AgentId} keyed {Dialled} on their phone: {Command} {Reason} -> {Result}")]
    public static partial void Keyed(ILogger logger, string agentId, string dialled, string command, string? reason, string result);

    [LoggerMessage(EventId = 2451, Level = LogLevel.Warning, Message = "Phone {PhoneUser} keyed {Dialled}, which is no agent feature code")]
    public static partial void UnknownCode(ILogger logger, string phoneUser, string dialled);

    [LoggerMessage(EventId = 2452, Level = LogLevel.Error, Message = "Feature code call {ChannelId} failed")]
    public static partial void CallFailed(ILogger logger, string channelId, Exception error);
}
