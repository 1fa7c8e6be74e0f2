using System.Net;
using Appliance.Sip.Messages;

namespace Appliance.Telephony.Sip;

/// <summary>Where to ring a registered phone: its Contact URI, the address its REGISTER came from, and over which transport.</summary>
public sealed record SipContactTarget(SipUri Contact, IPEndPoint Remote, bool Reliable);
