namespace Appliance.Host.Web.Internal;

/// <summary>How a request's credentials went: which agent, or why not (said to the client and the log, never with a password).</summary>
internal readonly record struct DigestOutcome(DigestResult Result, string? AgentId, string Problem)
{
    public static DigestOutcome Refuse(DigestResult result, string problem) => new(result, null, problem);
}

/// <summary>The verdicts: 401 with a challenge for Missing, Rejected and Stale (stale=true); 400 for Malformed.</summary>
internal enum DigestResult
{
    Authenticated,
    Missing,
    Malformed,
    Rejected,
    Stale,
}
