namespace Appliance.Banking;

/// <summary>A core-bank request that could not be completed. The message never holds card numbers or PINs.</summary>
public sealed class CoreBankingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CoreBankingException(CoreBankingFailure failure, string message, Exception? innerException = null)
        : base(message, innerException) => Failure = failure;

    /// <summary>Creates an exception with a generic message.</summary>
    public CoreBankingException() : this(CoreBankingFailure.Unavailable, "The core bank could not be reached.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public CoreBankingException(string message) : this(CoreBankingFailure.Unavailable, message)
    {
    }

    /// <summary>Creates an exception with a message and cause.</summary>
    public CoreBankingException(string message, Exception innerException) : this(CoreBankingFailure.Unavailable, message, innerException)
    {
    }

    /// <summary>Why the request failed.</summary>
    public CoreBankingFailure Failure { get; }
}
