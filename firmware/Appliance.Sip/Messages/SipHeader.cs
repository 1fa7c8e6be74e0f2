namespace Appliance.Sip.Messages;

/// <summary>One header field value under its canonical name; list headers hold one element of the list each.</summary>
public readonly record struct SipHeader(string Name, string Value);
