using System.Net;

namespace Appliance.Telephony.Tests.Sip;

/// <summary>Request texts a trunk sends, with the fields a test varies.</summary>
internal static class SipScript
{
    public static string Sdp(int rtpPort, string direction = "sendrecv", string formats = "0 8 101") => $"""
        v=0
        o=- 1 1 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio {rtpPort} RTP/AVP {formats}
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a={direction}

        """.Replace("\r", string.Empty, StringComparison.Ordinal);

    public static string Invite(IPEndPoint from, IPEndPoint box, string callId, string branch, string sdp, int cseq = 1, string? toTag = null) => Request(
        "INVITE", from, box, callId, branch, cseq, toTag, $"Contact: <sip:trunk@{from}>\nContent-Type: application/sdp\n", sdp);

    public static string Request(string method, IPEndPoint from, IPEndPoint box, string callId, string branch, int cseq, string? toTag, string extraHeaders = "", string body = "") => $"""
        {method} sip:service@{box} SIP/2.0
        Via: SIP/2.0/UDP {from};branch=z9hG4bK{branch}
        Max-Forwards: 70
        From: "Branch Caller" <sip:13800138000@{from.Address}>;tag=caller1
        To: <sip:service@{box}>{(toTag is null ? string.Empty : ";tag=" + toTag)}
        Call-ID: {callId}
        CSeq: {cseq} {(method == "ACK" ? "INVITE" : method)}
        {extraHeaders}Content-Length: {System.Text.Encoding.UTF8.GetByteCount(body.Replace("\n", "\r\n", StringComparison.Ordinal))}

        {body}
        """.Replace("\r", string.Empty, StringComparison.Ordinal);
}
