namespace Appliance.Core.Quality;

/// <summary>A QA request was refused; the message names what is wrong, and nothing was stored.</summary>
public sealed class QaException(QaFailure failure, string message) : Exception(message)
{
    /// <summary>Why it was refused.</summary>
    public QaFailure Failure { get; } = failure;
}
