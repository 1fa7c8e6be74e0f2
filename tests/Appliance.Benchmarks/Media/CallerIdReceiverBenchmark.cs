using Appliance.Drivers.Simulated.Signals;
using Appliance.Hal.Lines;
using Appliance.Telephony.Media;
using BenchmarkDotNet.Attributes;

namespace Appliance.Benchmarks.Media;

/// <summary>One operation = one second of audio holding a caller-ID burst, fed to a receiver in 20 ms frames.</summary>
[MemoryDiagnoser]
[Config(typeof(RealTimeAudioConfig))]
public class CallerIdReceiverBenchmark
{
    private readonly CallerIdReceiver _receiver = new();
    private readonly short[] _audio = new short[BenchmarkAudio.SamplesPerSecond];

    [GlobalSetup]
    public void Setup()
    {
        var burst = CallerIdFsk.Modulate(new CallerIdInfo("13800138000", "ZHANG WEI"), DateTimeOffset.UnixEpoch);
        burst.AsSpan(0, Math.Min(burst.Length, _audio.Length)).CopyTo(_audio);
        new WhiteNoiseSource(-40, seed: 5).AddTo(_audio);
    }

    [Benchmark]
    public int OneSecond()
    {
        var messages = 0;
        for (var offset = 0; offset < _audio.Length; offset += LineAudio.FrameSamples)
        {
            if (_receiver.Process(_audio.AsSpan(offset, LineAudio.FrameSamples)) is not null)
            {
                messages++;
            }
        }

        return messages;
    }
}
