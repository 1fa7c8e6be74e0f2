using System.Net;
using Microsoft.Extensions.Logging;

namespace Appliance.Sip.Transactions.Internal;

/// <summary>Log messages of the transaction layer (event ids 3100-3199).</summary>
internal static partial class TransactionLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "New server transaction {TransactionKey} for {Method} from {Source} (call {CallId})")]
    public static partial void ServerTransactionCreated(ILogger logger, string transactionKey, string method, IPEndPoint source, string? callId);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "New client transaction {TransactionKey} for {Method} to {Destination} (call {CallId})")]
    public static partial void ClientTransactionCreated(ILogger logger, string transactionKey, string method, IPEndPoint destination, string? callId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Transaction {TransactionKey} timed out (call {CallId})")]
    public static partial void TransactionTimedOut(ILogger logger, string transactionKey, string? callId);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "Response {StatusCode} from {Source} matches no transaction (call {CallId})")]
    public static partial void StrayResponse(ILogger logger, int statusCode, IPEndPoint source, string? callId);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Debug, Message = "{Method} from {Source} has no RFC 3261 branch: matched by the RFC 2543 rules (call {CallId})")]
    public static partial void Rfc2543Request(ILogger logger, string method, IPEndPoint source, string? callId);
}
