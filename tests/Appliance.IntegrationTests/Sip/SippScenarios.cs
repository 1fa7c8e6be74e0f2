namespace Appliance.IntegrationTests.Sip;

/// <summary>SIPp scenarios written for these tests (the built-in ones cannot register or speak a chosen tone).</summary>
internal static class SippScenarios
{
    /// <summary>REGISTER, answer the 401 with digest ([authentication] from -au/-ap), expect <paramref name="expectedStatus"/>.</summary>
    public static string Register(string user, int expires, int expectedStatus) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="register">
        {{RegisterRequest(user, expires, 1, string.Empty)}}
          <recv response="401" auth="true"/>
        {{RegisterRequest(user, expires, 2, "[authentication]\n")}}
          <recv response="{{expectedStatus}}"/>
        </scenario>
        """;

    private static string RegisterRequest(string user, int expires, int cseq, string authorization) => $$"""
          <send retrans="500"><![CDATA[
        REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: <sip:{{user}}@[remote_ip]>;tag=[pid]reg[call_number]
        To: <sip:{{user}}@[remote_ip]>
        Call-ID: [call_id]
        CSeq: {{cseq}} REGISTER
        Contact: <sip:{{user}}@[local_ip]:[local_port]>
        {{authorization}}Expires: {{expires}}
        Max-Forwards: 70
        Content-Length: 0

        ]]></send>
        """;

    /// <summary>
    /// A caller: INVITE, press 1 at <paramref name="digitAfterMs"/>, then speak pcap/caller.pcap and hang up after <paramref name="talkMs"/>.
    /// (SIPp plays one pcap per call at a time: a second play stops the first, so the voice starts after the digit.)
    /// </summary>
    public static string Caller(int digitAfterMs, int talkMs) => CallerPressing([(digitAfterMs, "dtmf_2833_1.pcap")], talkMs);

    /// <summary>
    /// A caller who plays each RFC 2833 key press pcap after its pause in turn, then speaks pcap/caller.pcap and hangs up
    /// after <paramref name="talkMs"/>: walks a menu of several levels.
    /// </summary>
    public static string CallerPressing(IReadOnlyList<(int PauseMs, string Pcap)> presses, int talkMs) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="caller">
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
        {{string.Concat(presses.Select(press => $"""
              <pause milliseconds="{press.PauseMs}"/>
              <nop><action><exec play_pcap_audio="pcap/{press.Pcap}"/></action></nop>

            """))}}
          <pause milliseconds="500"/>
          <nop><action><exec play_pcap_audio="pcap/caller.pcap"/></action></nop>
          <pause milliseconds="{{talkMs}}"/>
          <send retrans="500"><![CDATA[
        BYE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: "IT caller" <sip:13800138000@[local_ip]:[local_port]>;tag=[pid]caller[call_number]
        To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
        Call-ID: [call_id]
        CSeq: 2 BYE
        Max-Forwards: 70
        Content-Length: 0

        ]]></send>
          <recv response="200"/>
        </scenario>
        """;

    /// <summary>An agent's phone: answers the box's INVITE at once, speaks pcap/agent.pcap, and takes the box's BYE.</summary>
    public static string Agent() => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="agent">
        {{AnswerAndSpeak("agent")}}
          <recv request="BYE"/>
        {{OkToLastRequest}}
          <Reference variables="box_from,box_contact,box_host"/>
        </scenario>
        """;

    /// <summary>
    /// An agent phone's answer to the box's INVITE: 200 OK with a PCMU answer, the ACK, then pcap/agent.pcap as its voice.
    /// Keeps the box's From and Contact (box_from, box_contact, box_host) for requests the phone sends in the dialog.
    /// </summary>
    public static string AnswerAndSpeak(string extension) => $$"""
          <recv request="INVITE" crlf="true">
            <action>
              <ereg regexp=".*" search_in="hdr" header="From:" assign_to="box_from"/>
              <ereg regexp="sip:[^@>]*@([^>;]*)" search_in="hdr" header="Contact:" assign_to="box_contact,box_host"/>
            </action>
          </recv>
          <send retrans="500"><![CDATA[
        SIP/2.0 200 OK
        [last_Via:]
        [last_From:]
        [last_To:];tag=[pid]agent[call_number]
        [last_Call-ID:]
        [last_CSeq:]
        Contact: <sip:{{extension}}@[local_ip]:[local_port]>
        Content-Type: application/sdp
        Content-Length: [len]

        v=0
        o=agent 1 1 IN IP[local_ip_type] [local_ip]
        s=-
        c=IN IP[media_ip_type] [media_ip]
        t=0 0
        m=audio [media_port] RTP/AVP 0
        a=rtpmap:0 PCMU/8000

        ]]></send>
          <recv request="ACK" crlf="true"/>
          <nop><action><exec play_pcap_audio="pcap/agent.pcap"/></action></nop>
        """;

    /// <summary>200 OK to the request just received (a BYE or NOTIFY from the box).</summary>
    public const string OkToLastRequest = """
          <send><![CDATA[
        SIP/2.0 200 OK
        [last_Via:]
        [last_From:]
        [last_To:]
        [last_Call-ID:]
        [last_CSeq:]
        Content-Length: 0

        ]]></send>
        """;
}
