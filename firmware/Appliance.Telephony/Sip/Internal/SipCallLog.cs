using System.Net;
using Microsoft.Extensions.Logging;

namespace Appliance.Telephony.Sip.Internal;

internal static partial class SipCallLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "SIP listening on {Udp} (UDP) and {Tcp} (TCP), media advertised as {Advertised}")]
    public static partial void Listening(ILogger logger, IPEndPoint udp, IPEndPoint tcp, IPAddress advertised);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "SIP call {CallId} from trunk {Trunk} ({Source}) as {ChannelId}")]
    public static partial void TrunkCall(ILogger logger, string? callId, string trunk, IPEndPoint source, string channelId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "SIP {Method} {CallId} from {Source} refused: {Status} {Reason}")]
    public static partial void Refused(ILogger logger, string method, string? callId, IPEndPoint source, int status, string reason);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "SIP call {CallId} ({ChannelId}) down: {Cause} by {Side}")]
    public static partial void Down(ILogger logger, string callId, string channelId, string cause, string side);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "SIP call {CallId} ({ChannelId}) media now {Direction} to {Remote}")]
    public static partial void MediaChanged(ILogger logger, string callId, string channelId, string direction, IPEndPoint? remote);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Error, Message = "SIP request {Method} {CallId} from {Source} failed")]
    public static partial void HandlerFailed(ILogger logger, string method, string? callId, IPEndPoint source, Exception error);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Information, Message = "SIP call {CallId}: ringing {Target} as {ChannelId}")]
    public static partial void Dialing(ILogger logger, string callId, string target, string channelId);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Warning, Message = "SIP call {CallId} ({ChannelId}): the ACK for our 200 never came")]
    public static partial void AckMissing(ILogger logger, string callId, string channelId);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Information, Message = "SIP call {CallId} ({ChannelId}): the phone asks to transfer to {Target}; taken: {Taken}")]
    public static partial void TransferAsked(ILogger logger, string CallId, string ChannelId, string Target, bool Taken);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Information, Message = "SIP call {CallId} ({ChannelId}): the phone {Action}")]
    public static partial void HoldChanged(ILogger logger, string CallId, string ChannelId, string Action);

    [LoggerMessage(EventId = 1240, Level = LogLevel.Information, Message = "SIP call {CallId} from agent phone {User} ({Source}) to {Dialled} as {ChannelId}")]
    public static partial void PhoneCall(ILogger logger, string? callId, string user, string dialled, System.Net.IPEndPoint source, string channelId);
}
