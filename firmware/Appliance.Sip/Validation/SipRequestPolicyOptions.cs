using System.ComponentModel.DataAnnotations;

namespace Appliance.Sip.Validation;

/// <summary>What this UAS understands, used to answer 415/416/420/406. Bound from the "Sip:RequestPolicy" section.</summary>
public sealed class SipRequestPolicyOptions
{
    public const string SectionName = "Sip:RequestPolicy";

    /// <summary>Option tags accepted in Require / Proxy-Require.</summary>
    public IList<string> SupportedExtensions { get; } = ["replaces"];

    /// <summary>Body types this UAS processes (415 otherwise).</summary>
    [MinLength(1)]
    public IList<string> AcceptedContentTypes { get; } = ["application/sdp", "application/dtmf-relay", "multipart/mixed"];
}
