namespace Appliance.IntegrationTests.Sip;

/// <summary>
/// A SIPp agent phone that uses the phone keys a call center needs: it answers, puts the caller on hold and back
/// (re-INVITE a=sendonly, then a=sendrecv, checking the box answers recvonly and sendrecv), then blind-transfers the
/// caller with REFER, takes the box's NOTIFY and hangs up, as RFC 5589 has a transferor do.
/// </summary>
internal static class SippAgentFeatureScenarios
{
    public static string HoldThenTransfer(string extension, string target, int talkMs, int holdMs) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="agent-hold-transfer">
        {{SippScenarios.AnswerAndSpeak(extension)}}
          <pause milliseconds="{{talkMs}}"/>
        {{InDialog("INVITE", 1, Sdp(2, "sendonly"))}}
          <recv response="100" optional="true"/>
          <recv response="200">
            <action><ereg regexp="a=recvonly" search_in="body" check_it="true" assign_to="held"/></action>
          </recv>
        {{Ack(1)}}
          <pause milliseconds="{{holdMs}}"/>
        {{InDialog("INVITE", 2, Sdp(3, "sendrecv"))}}
          <recv response="100" optional="true"/>
          <recv response="200">
            <action><ereg regexp="a=sendrecv" search_in="body" check_it="true" assign_to="resumed"/></action>
          </recv>
        {{Ack(2)}}
          <pause milliseconds="{{talkMs}}"/>
        {{InDialog("REFER", 3, string.Empty, $"Refer-To: <sip:{target}@[$box_host]>\nReferred-By: <sip:{extension}@[local_ip]>\n")}}
          <recv response="202"/>
          <recv request="NOTIFY">
            <action><ereg regexp="SIP/2.0 200" search_in="body" check_it="true" assign_to="transferred"/></action>
          </recv>
        {{SippScenarios.OkToLastRequest}}
        {{InDialog("BYE", 4, string.Empty)}}
          <recv response="200"/>
          <Reference variables="box_from,box_contact,box_host,held,resumed,transferred"/>
        </scenario>
        """;

    /// <summary>An agent phone that answers, talks for <paramref name="talkMs"/> and hangs up itself.</summary>
    public static string HangsUpAfter(string extension, int talkMs) => $$"""
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <scenario name="agent-hangs-up">
        {{SippScenarios.AnswerAndSpeak(extension)}}
          <pause milliseconds="{{talkMs}}"/>
        {{InDialog("BYE", 1, string.Empty)}}
          <recv response="200"/>
          <Reference variables="box_from,box_contact,box_host"/>
        </scenario>
        """;

    /// <summary>
    /// A trunk caller who presses 1 and then stays until the box hangs up (within <paramref name="byeWithinMs"/>): SIPp
    /// exits 0 only if the box's BYE came, proof that the agent's hang-up reached the caller.
    /// </summary>
    public static string CallerUntilTheBoxHangsUp(int digitAfterMs, int byeWithinMs = 60_000)
    {
        // The ordinary caller up to where it would send its own BYE.
        var caller = SippScenarios.Caller(digitAfterMs, talkMs: 0);
        var ownBye = caller.IndexOf("  <send retrans=\"500\"><![CDATA[\nBYE", StringComparison.Ordinal);
        return caller[..ownBye] + $"  <recv request=\"BYE\" timeout=\"{byeWithinMs}\"/>\n" + SippScenarios.OkToLastRequest + "\n</scenario>\n";
    }

    /// <summary>A request from the phone inside the dialog the box opened (the box's From becomes our To).</summary>
    private static string InDialog(string method, int cseq, string sdp, string extraHeaders = "") => $$"""
          <send retrans="500"><![CDATA[
        {{method}} [$box_contact] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: <sip:agent@[local_ip]:[local_port]>;tag=[pid]agent[call_number]
        To: [$box_from]
        Call-ID: [call_id]
        CSeq: {{cseq}} {{method}}
        Contact: <sip:agent@[local_ip]:[local_port]>
        Max-Forwards: 70
        {{extraHeaders}}{{(sdp.Length > 0 ? "Content-Type: application/sdp\n" : string.Empty)}}Content-Length: [len]

        {{sdp}}
        ]]></send>
        """;

    private static string Ack(int cseq) => $$"""
          <send><![CDATA[
        ACK [$box_contact] SIP/2.0
        Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
        From: <sip:agent@[local_ip]:[local_port]>;tag=[pid]agent[call_number]
        To: [$box_from]
        Call-ID: [call_id]
        CSeq: {{cseq}} ACK
        Max-Forwards: 70
        Content-Length: 0

        ]]></send>
        """;

    private static string Sdp(int version, string direction) => $"""
        v=0
        o=agent 1 {version} IN IP[local_ip_type] [local_ip]
        s=-
        c=IN IP[media_ip_type] [media_ip]
        t=0 0
        m=audio [media_port] RTP/AVP 0
        a=rtpmap:0 PCMU/8000
        a={direction}

        """;
}
