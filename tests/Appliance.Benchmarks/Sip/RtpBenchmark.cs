using Appliance.Sip.Rtp;
using BenchmarkDotNet.Attributes;

namespace Appliance.Benchmarks.Sip;

/// <summary>
/// RTP packets handled per second on one core (issue #3): one operation = one 20 ms G.711 packet written, parsed, pushed
/// into the jitter buffer and played out. Allocated bytes must read 0.
/// </summary>
[MemoryDiagnoser]
public class RtpBenchmark
{
    private const int PacketsPerInvoke = 1_000;
    private readonly byte[] _payload = new byte[160];
    private readonly byte[] _packet = new byte[172];
    private readonly byte[] _output = new byte[480];
    private readonly JitterBuffer _buffer = new();
    private ushort _sequence;
    private uint _timestamp;

    [Benchmark(OperationsPerInvoke = PacketsPerInvoke)]
    public int WriteParseBufferAndPlay()
    {
        var played = 0;
        for (var i = 0; i < PacketsPerInvoke; i++)
        {
            RtpPacket.TryWrite(_packet, new RtpHeader(false, 0, _sequence++, _timestamp, 0x5151), _payload, out var written);
            _timestamp += 160;
            _buffer.Push(_packet.AsSpan(0, written), _timestamp);
            if (_buffer.Pop(_output, out _, out var length) == JitterPopResult.Frame)
            {
                played += length;
            }
        }

        return played;
    }

    [Benchmark(OperationsPerInvoke = PacketsPerInvoke)]
    public int ParseOnly()
    {
        var total = 0;
        for (var i = 0; i < PacketsPerInvoke; i++)
        {
            RtpPacket.TryParse(_packet, out var header, out _, out var length);
            total += length + header.SequenceNumber;
        }

        return total;
    }
}
