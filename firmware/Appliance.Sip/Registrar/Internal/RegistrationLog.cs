using Microsoft.Extensions.Logging;

namespace Appliance.Sip.Registrar.Internal;

/// <summary>Log messages of the outbound registration client (event ids 3350-3369). Passwords never appear.</summary>
internal static partial class RegistrationLog
{
    [LoggerMessage(EventId = 3350, Level = LogLevel.Information, Message = "Registering {Account} as {AddressOfRecord} with {Registrar} (call {CallId})")]
    public static partial void Registering(ILogger logger, string account, string addressOfRecord, string registrar, string callId);

    [LoggerMessage(EventId = 3351, Level = LogLevel.Information, Message = "{Account} registered for {GrantedSeconds} s; refreshing in {RefreshSeconds} s (call {CallId})")]
    public static partial void Registered(ILogger logger, string account, int grantedSeconds, int refreshSeconds, string callId);

    [LoggerMessage(EventId = 3352, Level = LogLevel.Warning, Message = "{Account} registration failed: {Reason}; next attempt in {RetrySeconds} s (call {CallId})")]
    public static partial void Failed(ILogger logger, string account, string reason, int retrySeconds, string callId);

    [LoggerMessage(EventId = 3353, Level = LogLevel.Debug, Message = "{Account} answering a {StatusCode} digest challenge (call {CallId})")]
    public static partial void AnsweringChallenge(ILogger logger, string account, int statusCode, string callId);

    [LoggerMessage(EventId = 3354, Level = LogLevel.Information, Message = "{Account}: the registrar wants at least {MinExpires} s (asked {Requested} s); asking again (call {CallId})")]
    public static partial void IntervalTooBrief(ILogger logger, string account, int minExpires, int requested, string callId);

    [LoggerMessage(EventId = 3355, Level = LogLevel.Warning, Message = "{Account}: the registration expired at {ExpiresAt} before a refresh succeeded (call {CallId})")]
    public static partial void Lapsed(ILogger logger, string account, DateTimeOffset expiresAt, string callId);

    [LoggerMessage(EventId = 3356, Level = LogLevel.Information, Message = "{Account} un-registered (call {CallId})")]
    public static partial void Unregistered(ILogger logger, string account, string callId);

    [LoggerMessage(EventId = 3357, Level = LogLevel.Warning, Message = "{Account} un-registration did not complete: {Reason} (call {CallId})")]
    public static partial void UnregisterFailed(ILogger logger, string account, string reason, string callId);

    [LoggerMessage(EventId = 3358, Level = LogLevel.Warning, Message = "{Account}: {Problem} in the registrar's 2xx; using {GrantedSeconds} s (call {CallId})")]
    public static partial void OddGrant(ILogger logger, string account, string problem, int grantedSeconds, string callId);

    [LoggerMessage(EventId = 3360, Level = LogLevel.Error, Message = "{Account}: a StateChanged handler threw (call {CallId})")]
    public static partial void HandlerFailed(ILogger logger, Exception error, string account, string callId);

    [LoggerMessage(EventId = 3361, Level = LogLevel.Error, Message = "{Account}: unexpected error in the registration client (call {CallId})")]
    public static partial void Unexpected(ILogger logger, Exception error, string account, string callId);
}
