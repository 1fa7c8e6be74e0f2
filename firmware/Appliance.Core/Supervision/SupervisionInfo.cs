using Appliance.Telephony.Bridging;

namespace Appliance.Core.Supervision;

/// <summary>A supervision as the control API and web admin show it.</summary>
/// <param name="Id">The supervision's id, e.g. "sup-000001", used to switch mode or stop.</param>
/// <param name="Supervisor">The supervising agent's id.</param>
/// <param name="Agent">The supervised agent's id.</param>
/// <param name="CallId">The call the agent is on.</param>
/// <param name="Mode">Listen, whisper or barge.</param>
/// <param name="State">Ringing, active or ended.</param>
public sealed record SupervisionInfo(string Id, string Supervisor, string Agent, string CallId, SupervisionMode Mode, SupervisionState State);
