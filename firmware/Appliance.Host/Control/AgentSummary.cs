namespace Appliance.Host.Control;

/// <summary>One agent as <c>appliance agent list</c> shows them.</summary>
/// <param name="Id">The agent id.</param>
/// <param name="Status">available, ringing, oncall, wrapup, notready or loggedout.</param>
/// <param name="LoggedIn">The agent's own choice (a logged-in agent without a registered phone still shows loggedout).</param>
/// <param name="Reason">The pause reason code while paused ("auto" when the ACD paused them; a pause asked for during a call shows here before the status turns notready), else null.</param>
/// <param name="ReasonName">The configured name of <paramref name="Reason"/>, if any.</param>
/// <param name="Since">When the status (with its reason) began.</param>
/// <param name="SecondsInState">How long the status has held, when asked.</param>
/// <param name="RegisteredContacts">How many of the agent's phones are registered (SIP agents; 0 for simulated ones).</param>
public sealed record AgentSummary(
    string Id, string Status, bool LoggedIn, string? Reason, string? ReasonName, DateTimeOffset Since, double SecondsInState, int RegisteredContacts);
