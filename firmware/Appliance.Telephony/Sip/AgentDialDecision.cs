using Appliance.Telephony.Channels;

namespace Appliance.Telephony.Sip;

/// <summary>An <see cref="IAgentDialPlan"/>'s answer: refuse the call with a SIP status, or take it with a handler.</summary>
public sealed class AgentDialDecision
{
    private AgentDialDecision(int statusCode, string reason, Action<IChannel>? handler)
    {
        StatusCode = statusCode;
        Reason = reason;
        Handler = handler;
    }

    /// <summary>The final response for a refusal (4xx–6xx); 0 when the call is taken.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase for a refusal.</summary>
    public string Reason { get; }

    /// <summary>Runs the call when it is taken (on the media loop), else null.</summary>
    public Action<IChannel>? Handler { get; }

    /// <summary>Refuses the call, e.g. 403 for a phone that may not dial this, 404 for nothing by that number.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a final error status.</exception>
    public static AgentDialDecision Refuse(int statusCode, string reason)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new AgentDialDecision(statusCode, reason, null);
    }

    /// <summary>Takes the call: <paramref name="handler"/> gets it as a ringing inbound channel.</summary>
    public static AgentDialDecision Answer(Action<IChannel> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new AgentDialDecision(0, "", handler);
    }
}
