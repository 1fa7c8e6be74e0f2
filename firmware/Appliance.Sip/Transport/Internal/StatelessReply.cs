using Appliance.Sip.Messages;

namespace Appliance.Sip.Transport.Internal;

/// <summary>An error response built outside any transaction, for a request that did not parse, and where it goes.</summary>
internal sealed record StatelessReply(SipResponse Response, SipResponseRoute Route);
