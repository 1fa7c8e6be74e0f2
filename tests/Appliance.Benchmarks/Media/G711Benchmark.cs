using Appliance.Telephony.Media;
using BenchmarkDotNet.Attributes;

namespace Appliance.Benchmarks.Media;

/// <summary>
/// G.711 encode and decode of one second of audio (8 000 samples) per operation. Samples/s = 8 000 / mean; the
/// Channels/core column is how many G.711 streams one core codes in real time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RealTimeAudioConfig))]
public class G711Benchmark
{
    private readonly short[] _linear = new short[8000];
    private readonly byte[] _coded = new byte[8000];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(711);
        for (var i = 0; i < _linear.Length; i++)
        {
            _linear[i] = (short)random.Next(-20_000, 20_000);
        }

        G711.EncodeALaw(_linear, _coded);
    }

    [Benchmark]
    public void EncodeMuLaw() => G711.EncodeMuLaw(_linear, _coded);

    [Benchmark]
    public void DecodeMuLaw() => G711.DecodeMuLaw(_coded, _linear);

    [Benchmark]
    public void EncodeALaw() => G711.EncodeALaw(_linear, _coded);

    [Benchmark]
    public void DecodeALaw() => G711.DecodeALaw(_coded, _linear);
}
