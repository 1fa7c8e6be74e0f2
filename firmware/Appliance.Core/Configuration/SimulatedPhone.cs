namespace Appliance.Core.Configuration;

/// <summary>How a simulated agent's phone behaves: how long it rings before answering and the tone the agent "speaks".</summary>
public sealed record SimulatedPhone
{
    /// <summary>Milliseconds of ringing before the phone answers.</summary>
    public int AnswerAfterMilliseconds { get; init; } = 3000;

    /// <summary>The tone the agent sends, in Hz.</summary>
    public int ToneHz { get; init; } = 1400;

    /// <summary>
    /// What the agent does during the call, for testers: "talk=30;hold=5;holdfor=3;transfer=1002;transferat=8"
    /// (hang up after 30 s, hold at 5 s for 3 s, blind-transfer to 1002 at 8 s), or null for nothing.
    /// </summary>
    public string? Script { get; init; }
}
