using Microsoft.Extensions.Logging;

namespace Appliance.Banking.Simulated.Internal;

/// <summary>Log messages of the simulated core bank (event ids 3020-3029). Masked numbers and customer ids only.</summary>
internal static partial class SimulatedBankLog
{
    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Simulated core bank loaded {Customers} customers from {SeedFile}")]
    public static partial void Loaded(ILogger logger, int customers, string seedFile);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "Simulated core bank outage switched {State}")]
    public static partial void OutageSwitched(ILogger logger, string state);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Information, Message = "Simulated core bank: card {MaskedCard} of customer {CustomerId} reported lost, reference {Reference}")]
    public static partial void CardBlocked(ILogger logger, string maskedCard, string customerId, string reference);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Warning, Message = "Simulated core bank: customer {CustomerId} locked out after {WrongPins} wrong PINs")]
    public static partial void LockedOut(ILogger logger, string customerId, int wrongPins);

    [LoggerMessage(EventId = 3024, Level = LogLevel.Error, Message = "Simulated core bank: could not save card states to {StateFile}")]
    public static partial void SaveFailed(ILogger logger, Exception exception, string stateFile);
}
