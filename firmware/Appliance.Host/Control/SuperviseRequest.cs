namespace Appliance.Host.Control;

/// <summary>POST /v1/supervisions: supervisor <paramref name="Supervisor"/> joins agent <paramref name="Agent"/>'s call.</summary>
/// <param name="Supervisor">The supervising agent's id.</param>
/// <param name="Agent">The agent whose call to join.</param>
/// <param name="Mode">listen, whisper or barge.</param>
public sealed record SuperviseRequest(string Supervisor, string Agent, string Mode);
