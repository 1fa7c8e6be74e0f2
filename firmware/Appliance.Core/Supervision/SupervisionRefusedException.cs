namespace Appliance.Core.Supervision;

/// <summary>A supervision request that was refused; the message says why in words a technician can act on.</summary>
public sealed class SupervisionRefusedException : Exception
{
    /// <summary>Creates the refusal.</summary>
    public SupervisionRefusedException(SupervisionRefusal reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates a refusal with no reason code (for serializers and analyzers); prefer the other constructor.</summary>
    public SupervisionRefusedException()
        : this(SupervisionRefusal.NotAnswered, "the supervision was refused")
    {
    }

    /// <summary>Creates a refusal with no reason code; prefer the other constructor.</summary>
    public SupervisionRefusedException(string message)
        : this(SupervisionRefusal.NotAnswered, message)
    {
    }

    /// <summary>Creates a refusal with no reason code; prefer the other constructor.</summary>
    public SupervisionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Why it was refused.</summary>
    public SupervisionRefusal Reason { get; }
}
