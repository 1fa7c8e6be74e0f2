namespace Appliance.Sip.Messages;

/// <summary>One ";name=value" parameter. <see cref="Value"/> is null for a parameter with no "=" (e.g. ";lr").</summary>
public readonly record struct SipParameter(string Name, string? Value);
