namespace Appliance.Core.Complaints;

/// <summary>A refused complaint create or change; nothing was stored. The message names what is wrong.</summary>
public sealed class ComplaintException : Exception
{
    /// <summary>Creates the refusal.</summary>
    public ComplaintException(ComplaintFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    /// <summary>Creates a refusal of kind <see cref="ComplaintFailure.Invalid"/>.</summary>
    public ComplaintException()
        : this(ComplaintFailure.Invalid, "the complaint was refused")
    {
    }

    /// <summary>Creates a refusal of kind <see cref="ComplaintFailure.Invalid"/>.</summary>
    public ComplaintException(string message)
        : this(ComplaintFailure.Invalid, message)
    {
    }

    /// <summary>Creates a refusal of kind <see cref="ComplaintFailure.Invalid"/> with its cause.</summary>
    public ComplaintException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failure = ComplaintFailure.Invalid;
    }

    /// <summary>Why it was refused.</summary>
    public ComplaintFailure Failure { get; }
}
