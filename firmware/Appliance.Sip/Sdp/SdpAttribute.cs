namespace Appliance.Sip.Sdp;

/// <summary>An a= line: a property attribute (no value, e.g. sendonly) or name:value (e.g. rtpmap:0 PCMU/8000).</summary>
public sealed record SdpAttribute(string Name, string? Value);
