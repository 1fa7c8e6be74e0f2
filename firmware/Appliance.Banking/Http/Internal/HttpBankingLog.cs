using Microsoft.Extensions.Logging;

namespace Appliance.Banking.Http.Internal;

/// <summary>Log messages of the HTTP core-bank adapter (event ids 3030-3039). Never a number or PIN.</summary>
internal static partial class HttpBankingLog
{
    [LoggerMessage(EventId = 3030, Level = LogLevel.Warning, Message = "Core bank {Operation} failed ({Failure}): {Reason}")]
    public static partial void Failed(ILogger logger, string operation, CoreBankingFailure failure, string reason);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Information, Message = "Core bank {Operation}: retry {Attempt} after {DelayMilliseconds} ms")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, double delayMilliseconds);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Error, Message = "Core bank circuit breaker opened for {BreakSeconds} s: requests fail at once")]
    public static partial void BreakerOpened(ILogger logger, double breakSeconds);

    [LoggerMessage(EventId = 3033, Level = LogLevel.Information, Message = "Core bank circuit breaker closed: the core bank answers again")]
    public static partial void BreakerClosed(ILogger logger);

    [LoggerMessage(EventId = 3034, Level = LogLevel.Information, Message = "Core bank adapter talks to {BaseAddress}")]
    public static partial void Started(ILogger logger, Uri baseAddress);
}
