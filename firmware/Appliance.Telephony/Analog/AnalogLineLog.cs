using Microsoft.Extensions.Logging;

namespace Appliance.Telephony.Analog;

internal static partial class AnalogLineLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Line {Port}: ring {RingCount}")]
    public static partial void Ring(ILogger logger, int port, int ringCount);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Line {Port}: caller ID {Number} {Name}")]
    public static partial void CallerId(ILogger logger, int port, string? number, string? name);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Line {Port}: incoming call {ChannelId}")]
    public static partial void Incoming(ILogger logger, int port, string channelId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Line {Port}: {ChannelId} down ({Cause}, detected by {Detector})")]
    public static partial void Disconnected(ILogger logger, int port, string channelId, string cause, string detector);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Line {Port}: line voltage lost")]
    public static partial void VoltageLost(ILogger logger, int port);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Information, Message = "Line {Port}: line voltage restored")]
    public static partial void VoltageRestored(ILogger logger, int port);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Warning, Message = "Line {Port}: caller ID with a bad checksum ignored")]
    public static partial void CallerIdChecksum(ILogger logger, int port);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Information, Message = "Line {Port}: caller gave up while ringing")]
    public static partial void RingingAbandoned(ILogger logger, int port);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Information, Message = "Line {Port}: {ChannelId} dialling {Number}")]
    public static partial void DialingOut(ILogger logger, int port, string channelId, string number);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Information, Message = "Line {Port}: {ChannelId} answered (detected by {Detector})")]
    public static partial void DialOutAnswered(ILogger logger, int port, string channelId, string detector);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning, Message = "Line {Port}: {ChannelId} cannot dial out, the line is {Status}")]
    public static partial void DialOutRefused(ILogger logger, int port, string channelId, string status);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Warning, Message = "Line {Port}: a call rang in as {ChannelId} seized the line (glare); the inbound call is taken")]
    public static partial void Glare(ILogger logger, int port, string channelId);
}
