namespace Appliance.Sip.Validation;

/// <summary>Whether a well-formed request can be processed; if not, the status to answer and headers to add (e.g. Unsupported).</summary>
public sealed record SipPolicyVerdict(int StatusCode, string Reason, IReadOnlyList<KeyValuePair<string, string>> ExtraHeaders)
{
    public static SipPolicyVerdict Accept { get; } = new(200, "OK", []);

    public bool Accepted => StatusCode == 200;
}
