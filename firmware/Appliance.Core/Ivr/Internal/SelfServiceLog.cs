using Microsoft.Extensions.Logging;

namespace Appliance.Core.Ivr.Internal;

/// <summary>Log lines of the self-service nodes (event ids 2500-2519 and, for the bill status, 2540-2559). Never card numbers, account numbers or PINs.</summary>
internal static partial class SelfServiceLog
{
    [LoggerMessage(EventId = 2500, Level = LogLevel.Warning, Message = "Call {CallId}: core bank {Operation} failed ({Reason}); the caller goes to an agent")]
    public static partial void BankFailed(ILogger logger, string callId, string operation, string reason);

    [LoggerMessage(EventId = 2501, Level = LogLevel.Error, Message = "Call {CallId}: core bank {Operation} threw an unexpected error")]
    public static partial void BankError(ILogger logger, string callId, string operation, Exception error);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Information, Message = "Call {CallId}: customer verified ({MaskedAccount})")]
    public static partial void Verified(ILogger logger, string callId, string maskedAccount);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Information, Message = "Call {CallId}: card {MaskedCard} blocked, reference {Reference}")]
    public static partial void CardBlocked(ILogger logger, string callId, string maskedCard, string reference);

    [LoggerMessage(EventId = 2504, Level = LogLevel.Error, Message = "Transaction {TransactionId} could not be stored (attempt {Attempt})")]
    public static partial void StoreFailed(ILogger logger, string transactionId, int attempt, Exception error);

    [LoggerMessage(EventId = 2505, Level = LogLevel.Error, Message = "Transaction {TransactionId} dropped after {Attempts} attempts")]
    public static partial void StoreDropped(ILogger logger, string transactionId, int attempts);

    [LoggerMessage(EventId = 2506, Level = LogLevel.Warning, Message = "Recording {Path}: the PCI pause marker file could not be written")]
    public static partial void MarkerFailed(ILogger logger, string path, Exception error);

    [LoggerMessage(EventId = 2540, Level = LogLevel.Information, Message = "Call {CallId}: bill payment status for {MaskedAccount} read back: {State}")]
    public static partial void BillStatus(ILogger logger, string callId, string maskedAccount, string state);
}
