using System.Text;
using Appliance.Sip.Parsing;
using BenchmarkDotNet.Attributes;

namespace Appliance.Benchmarks.Sip;

/// <summary>SIP messages parsed per second and bytes allocated per message (issue #3). Operations = messages.</summary>
[MemoryDiagnoser]
public class SipParserBenchmark
{
    private static readonly byte[] Invite = Encoding.ASCII.GetBytes(
        "INVITE sip:8001@192.0.2.10:5060 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bK-524287-1---e8d8a6b0;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "Contact: <sip:caller@192.0.2.20:5060>\r\n" +
        "To: <sip:8001@192.0.2.10>\r\n" +
        "From: \"Caller\" <sip:caller@192.0.2.20>;tag=3a6f1c2d\r\n" +
        "Call-ID: NzY1ZDNhYzJlZjQ5YjVmMGQ3YzE4@192.0.2.20\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, NOTIFY\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Supported: replaces, timer\r\n" +
        "User-Agent: bench\r\n" +
        "Content-Length: 150\r\n\r\n" +
        "v=0\r\no=mhandley 29739 7272939 IN IP4 192.0.2.3\r\ns=-\r\nc=IN IP4 192.0.2.4\r\nt=0 0\r\n" +
        "m=audio 49217 RTP/AVP 0 12\r\nm=video 3227 RTP/AVP 31\r\na=rtpmap:31 LPC\r\n");

    private readonly SipMessageParser _parser = new();

    [Benchmark]
    public int ParseInvite() => _parser.ParseDatagram(Invite).BytesConsumed;

    [Benchmark]
    public int ParseAndReadDialogHeaders()
    {
        var message = _parser.ParseDatagram(Invite).Message!;
        return message.TopVia.Branch!.Length + message.CSeq.Method.Length + message.From.Tag!.Length;
    }
}
