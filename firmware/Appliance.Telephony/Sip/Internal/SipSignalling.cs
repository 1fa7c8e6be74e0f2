using System.Net;
using Appliance.Sip.Transactions;
using Appliance.Sip.Transport;

namespace Appliance.Telephony.Sip.Internal;

/// <summary>One transport (UDP or TCP) with its transaction layer, and the Contact a dialog on it advertises.</summary>
internal sealed record SipSignalling(ISipTransport Transport, SipTransactionLayer Transactions, IPEndPoint Advertised)
{
    public string Contact => Transport.IsReliable
        ? $"<sip:appliance@{Advertised};transport=tcp>"
        : $"<sip:appliance@{Advertised}>";
}
