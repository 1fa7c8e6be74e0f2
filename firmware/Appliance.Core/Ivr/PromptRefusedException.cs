namespace Appliance.Core.Ivr;

/// <summary>A prompt that cannot be added: a bad language or name, or a file that is not audio the box can play.</summary>
public sealed class PromptRefusedException : Exception
{
    public PromptRefusedException()
    {
    }

    public PromptRefusedException(string message)
        : base(message)
    {
    }

    public PromptRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
