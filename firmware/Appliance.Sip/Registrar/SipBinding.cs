using System.Net;
using Appliance.Sip.Messages;

namespace Appliance.Sip.Registrar;

/// <summary>One registered contact of a user (RFC 3261 §10.3), with where its REGISTER came from (its NAT mapping).</summary>
public sealed record SipBinding(string User, SipUri Contact, IPEndPoint Source, string Transport, DateTimeOffset ExpiresAt, string CallId, long Sequence);
