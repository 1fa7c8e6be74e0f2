using Microsoft.Extensions.Logging;

namespace Appliance.Telephony.Analog;

internal static partial class AnalogLineDialerLog
{
    [LoggerMessage(EventId = 1130, Level = LogLevel.Warning, Message = "{ChannelId}: no idle line to dial {Number}")]
    public static partial void NoIdleLine(ILogger logger, string channelId, string number);
}
