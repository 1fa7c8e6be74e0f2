namespace Appliance.Host.Control;

/// <summary>A supervision as the control API answers it.</summary>
/// <param name="Id">The supervision's id, for <c>appliance supervise --id</c>.</param>
/// <param name="Supervisor">The supervising agent.</param>
/// <param name="Agent">The supervised agent.</param>
/// <param name="CallId">The call joined.</param>
/// <param name="Mode">listen, whisper or barge.</param>
/// <param name="State">ringing, active or ended.</param>
public sealed record SupervisionResult(string Id, string Supervisor, string Agent, string CallId, string Mode, string State);
