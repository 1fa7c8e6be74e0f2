namespace Appliance.IntegrationTests.Sip.Softphones;

/// <summary>
/// A SIPp caller for calls an agent phone ends: INVITE through the trunk, press 1 after <c>digitAfterMs</c>, speak
/// pcap/caller.pcap, and wait (up to <c>byeWithinMs</c>) for the box to hang up, which it does when the agent does.
/// SIPp exits 0 only if that BYE came: proof the agent's hang-up reached the caller.
/// </summary>
internal static class SoftphoneCallerScenario
{
    public static string Xml(int digitAfterMs, int byeWithinMs) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="caller waiting for the box's BYE">
          <send retrans="500"><![CDATA[
        INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: "IT caller" <sip:13800138000@[local_ip]:[local_port]>;tag=[pid]caller[call_number]
        To: <sip:[service]@[remote_ip]:[remote_port]>
        Call-ID: [call_id]
        CSeq: 1 INVITE
        Contact: <sip:13800138000@[local_ip]:[local_port]>
        Max-Forwards: 70
        Content-Type: application/sdp
        Content-Length: [len]

        v=0
        o=caller 1 1 IN IP[local_ip_type] [local_ip]
        s=-
        c=IN IP[media_ip_type] [media_ip]
        t=0 0
        m=audio [auto_media_port] RTP/AVP 8 101
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15

        ]]></send>
          <recv response="100" optional="true"/>
          <recv response="180" optional="true"/>
          <recv response="200" rrs="true"/>
          <send><![CDATA[
        ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: "IT caller" <sip:13800138000@[local_ip]:[local_port]>;tag=[pid]caller[call_number]
        To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
        Call-ID: [call_id]
        CSeq: 1 ACK
        Max-Forwards: 70
        Content-Length: 0

        ]]></send>
          <pause milliseconds="{{digitAfterMs}}"/>
          <nop><action><exec play_pcap_audio="pcap/dtmf_2833_1.pcap"/></action></nop>
          <pause milliseconds="500"/>
          <nop><action><exec play_pcap_audio="pcap/caller.pcap"/></action></nop>
          <recv request="BYE" timeout="{{byeWithinMs}}"/>
          <send><![CDATA[
        SIP/2.0 200 OK
        [last_Via:]
        [last_From:]
        [last_To:]
        [last_Call-ID:]
        [last_CSeq:]
        Content-Length: 0

        ]]></send>
        </scenario>
        """;
}
