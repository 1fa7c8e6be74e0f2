using Appliance.Sip.Messages;

namespace Appliance.Sip.Tests.Support;

internal static class TestRequests
{
    public static SipRequest Create(string method, string branch = "z9hG4bKtest1", int cseq = 1, string callId = "call-1@127.0.0.1")
    {
        var request = new SipRequest(method, SipUri.Parse("sip:agent@127.0.0.1:5070"));
        request.Headers.Add("Via", $"SIP/2.0/UDP 127.0.0.1:5060;branch={branch}");
        request.Headers.Add("Max-Forwards", "70");
        request.Headers.Add("From", "<sip:caller@127.0.0.1>;tag=from1");
        request.Headers.Add("To", "<sip:agent@127.0.0.1>");
        request.Headers.Add("Call-ID", callId);
        request.Headers.Add("CSeq", $"{cseq} {method}");
        request.Headers.Add("Contact", "<sip:caller@127.0.0.1:5060>");
        return request;
    }
}
