using System.Net;
using Microsoft.Extensions.Logging;

namespace Appliance.Telephony.Sip.Internal;

internal static partial class SipSecurityLog
{
    [LoggerMessage(EventId = 1210, Level = LogLevel.Warning, Message = "SIP authentication failed: {Method} {CallId} from {Source} ({Failures} in the window)")]
    public static partial void AuthenticationFailed(ILogger logger, IPEndPoint source, string method, string? callId, int failures);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Warning, Message = "SIP source {Address} banned for {Seconds} s after repeated authentication failures")]
    public static partial void Banned(ILogger logger, IPAddress address, string seconds);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Information, Message = "SIP REGISTER from {Source} for {User} accepted")]
    public static partial void Registered(ILogger logger, IPEndPoint source, string? user);
}
