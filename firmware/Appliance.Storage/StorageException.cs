namespace Appliance.Storage;

/// <summary>
/// A refusal or failure of the store. The message says what is wrong and what to do about it; <see cref="Failure"/>
/// says which kind it is so callers can choose an exit code or status without parsing text.
/// </summary>
public sealed class StorageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageException(StorageFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>What kind of refusal or failure this is.</summary>
    public StorageFailure Failure { get; }
}
