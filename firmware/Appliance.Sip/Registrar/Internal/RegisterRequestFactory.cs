using System.Globalization;
using System.Net;
using Appliance.Sip.Dialogs;
using Appliance.Sip.Messages;

namespace Appliance.Sip.Registrar.Internal;

/// <summary>
/// Builds the REGISTERs of one account (RFC 3261 §10.2): the same Call-ID and From tag for the account's whole life, so
/// the registrar can order them by CSeq, and a new branch for every request.
/// </summary>
internal sealed class RegisterRequestFactory
{
    private readonly SipUri _requestUri;
    private readonly string _addressOfRecord;
    private readonly string _fromTag = SipIdentifiers.NewTag();
    private readonly string _viaPrefix;

    public RegisterRequestFactory(SipRegistrationAccount account, string transportProtocol, IPEndPoint advertised, bool reliable)
    {
        // §10.2: the Request-URI names the registrar's domain, without userinfo.
        _requestUri = SipUri.Parse(account.Registrar);
        _addressOfRecord = $"<{account.AddressOfRecord}>";
        _viaPrefix = $"SIP/2.0/{transportProtocol} {advertised};branch=";
        var contact = string.IsNullOrEmpty(account.Contact)
            ? $"sip:{account.User}@{advertised}{(reliable ? ";transport=tcp" : string.Empty)}"
            : account.Contact;
        ContactUri = SipUri.Parse(contact);
    }

    public string CallId { get; } = SipIdentifiers.NewCallId();

    public SipUri ContactUri { get; }

    public SipRequest Create(long sequence, int expires)
    {
        var seconds = expires.ToString(CultureInfo.InvariantCulture);
        var request = new SipRequest(SipMethods.Register, _requestUri);
        // rport (RFC 3581) so that a registrar behind which we are NATed answers to where the request came from.
        request.Headers.Add(SipHeaderNames.Via, _viaPrefix + SipIdentifiers.NewBranch() + ";rport");
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, _addressOfRecord + ";tag=" + _fromTag);
        request.Headers.Add(SipHeaderNames.To, _addressOfRecord);
        request.Headers.Add(SipHeaderNames.CallId, CallId);
        request.Headers.Add(SipHeaderNames.CSeq, sequence.ToString(CultureInfo.InvariantCulture) + " " + SipMethods.Register);
        // Only our own contact, never "*": other devices may share the address of record.
        request.Headers.Add(SipHeaderNames.Contact, $"<{ContactUri}>;expires={seconds}");
        // Both forms, because some registrars read only the Expires header.
        request.Headers.Add(SipHeaderNames.Expires, seconds);
        return request;
    }
}
