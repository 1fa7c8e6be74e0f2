using Appliance.Banking;
using Appliance.Core.Routing;

namespace Appliance.Core.Acd;

/// <summary>
/// A call offered to an agent, as their desktop may see it: taken on the media loop when the agent's phone starts
/// ringing, immutable afterwards, so it can be read from any thread. Sensitive variables are left out entirely.
/// </summary>
/// <param name="AgentId">The agent rung.</param>
/// <param name="CallId">The call.</param>
/// <param name="CallerNumber">The caller's number as received, if any.</param>
/// <param name="CallerName">The caller's name as received, if any.</param>
/// <param name="EntryPoint">The entry point the call came in through, if any.</param>
/// <param name="Line">The analog line, if any.</param>
/// <param name="Queue">The queue the caller waited in.</param>
/// <param name="Language">The caller's language.</param>
/// <param name="CallStartedAt">When the call arrived.</param>
/// <param name="WaitingSince">When the caller joined their first queue.</param>
/// <param name="OfferedAt">When the agent's phone started ringing.</param>
/// <param name="IvrPath">The menu nodes the caller went through.</param>
/// <param name="Variables">The variables the menu set, without the sensitive ones.</param>
/// <param name="EndedAt">Null while the offer rings or the call goes on; when it ended (rang out, hung up, handed on).</param>
public sealed record AgentOffer(
    string AgentId,
    string CallId,
    string? CallerNumber,
    string? CallerName,
    string? EntryPoint,
    int? Line,
    string Queue,
    string Language,
    DateTimeOffset CallStartedAt,
    DateTimeOffset WaitingSince,
    DateTimeOffset OfferedAt,
    IReadOnlyList<IvrStep> IvrPath,
    IReadOnlyDictionary<string, string> Variables,
    DateTimeOffset? EndedAt = null)
{
    /// <summary>
    /// The customer an identify node verified on this call (name, masked account: never a PIN or a full number), so the
    /// agent need not ask again; null when nobody was verified.
    /// </summary>
    public BankCustomer? Customer { get; init; }

    /// <summary>How long the caller had waited when the offer began.</summary>
    public TimeSpan WaitAtOffer => OfferedAt - WaitingSince;
}
