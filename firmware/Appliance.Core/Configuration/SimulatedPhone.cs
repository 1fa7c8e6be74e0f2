namespace Appliance.Core.Configuration;

/// <summary>How a simulated agent's phone behaves: how long it rings before answering and the tone the agent "speaks".</summary>
public sealed record SimulatedPhone
{
    /// <summary>Milliseconds of ringing before the phone answers.</summary>
    public int AnswerAfterMilliseconds { get; init; } = 3000;

    /// <summary>The tone the agent sends, in Hz.</summary>
    public int ToneHz { get; init; } = 1400;
}
