namespace Appliance.Banking;

/// <summary>Why a core-bank request failed; the IVR tells the caller and transfers them whichever it is.</summary>
public enum CoreBankingFailure
{
    /// <summary>No answer within the time allowed.</summary>
    Timeout,

    /// <summary>The core bank is down or refused the connection (or the circuit breaker is open).</summary>
    Unavailable,

    /// <summary>An answer came but could not be understood.</summary>
    BadAnswer,

    /// <summary>The customer id is not known to the core bank.</summary>
    UnknownCustomer,
}
