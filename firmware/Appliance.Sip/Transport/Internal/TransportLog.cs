using System.Net;
using Microsoft.Extensions.Logging;

namespace Appliance.Sip.Transport.Internal;

/// <summary>Log messages of the UDP and TCP transports (event ids 3200-3299).</summary>
internal static partial class TransportLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "SIP {Protocol} transport listening on {LocalEndPoint}")]
    public static partial void Listening(ILogger logger, string protocol, IPEndPoint localEndPoint);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Malformed SIP message from {Source} refused with {StatusCode}: {Reason}")]
    public static partial void Malformed(ILogger logger, IPEndPoint source, int statusCode, string reason);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Sending SIP {Protocol} message to {Remote} failed: {Error}")]
    public static partial void SendFailed(ILogger logger, string protocol, IPEndPoint remote, string error);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "SIP {Protocol} receive on {LocalEndPoint} failed: {Error}")]
    public static partial void ReceiveFailed(ILogger logger, string protocol, IPEndPoint localEndPoint, string error);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Error, Message = "A SIP message handler threw for a message from {Source} (call {CallId})")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, IPEndPoint source, string? callId);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Warning, Message = "TCP connection from {Remote} refused: {OpenConnections} connections already open")]
    public static partial void ConnectionRefused(ILogger logger, IPEndPoint remote, int openConnections);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Debug, Message = "TCP connection with {Remote} opened ({Direction})")]
    public static partial void ConnectionOpened(ILogger logger, IPEndPoint remote, string direction);

    [LoggerMessage(EventId = 3207, Level = LogLevel.Debug, Message = "TCP connection with {Remote} closed: {Why}")]
    public static partial void ConnectionClosed(ILogger logger, IPEndPoint remote, string why);

    [LoggerMessage(EventId = 3208, Level = LogLevel.Warning, Message = "TCP stream from {Remote} broken: {Reason}")]
    public static partial void StreamBroken(ILogger logger, IPEndPoint remote, string reason);

    [LoggerMessage(EventId = 3209, Level = LogLevel.Warning, Message = "Message to {Remote} dropped: {Why}")]
    public static partial void MessageDropped(ILogger logger, IPEndPoint remote, string why);

    [LoggerMessage(EventId = 3210, Level = LogLevel.Debug, Message = "Response {StatusCode} to a request from {Source} not sent: {Why}")]
    public static partial void ResponseNotSent(ILogger logger, IPEndPoint source, int statusCode, string why);

    [LoggerMessage(EventId = 3211, Level = LogLevel.Debug, Message = "Error reply {StatusCode} to {Source} not sent: {Bytes} bytes is over the {MaxBytes}-byte bound")]
    public static partial void ErrorReplyTooLarge(ILogger logger, IPEndPoint source, int statusCode, int bytes, int maxBytes);

    [LoggerMessage(EventId = 3212, Level = LogLevel.Debug, Message = "Error reply {StatusCode} to {Source} not sent: that address is over its error-reply rate")]
    public static partial void ErrorReplyRateLimited(ILogger logger, IPEndPoint source, int statusCode);
}
