namespace Appliance.Storage;

/// <summary>An agent and the extension their phone answers on.</summary>
/// <param name="Id">Unique id, e.g. "alice" or "1001".</param>
/// <param name="Name">Display name.</param>
/// <param name="Extension">The phone extension (digits), unique among agents.</param>
/// <param name="Simulated">Whether the simulated board plays this agent instead of a real phone.</param>
/// <param name="SimAnswerAfterMilliseconds">For a simulated agent: how long it lets the phone ring (0-600000), or null to never answer.</param>
/// <param name="SimTalkToneHz">For a simulated agent: the tone it "speaks" (50-4000 Hz), or null for silence.</param>
/// <param name="Enabled">Whether the agent can be offered calls.</param>
public sealed record AgentRecord(
    string Id,
    string Name,
    string Extension,
    bool Simulated = false,
    int? SimAnswerAfterMilliseconds = null,
    int? SimTalkToneHz = null,
    bool Enabled = true);
