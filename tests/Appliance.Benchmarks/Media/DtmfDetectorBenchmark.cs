using Appliance.Hal.Lines;
using Appliance.Telephony.Media;
using BenchmarkDotNet.Attributes;

namespace Appliance.Benchmarks.Media;

/// <summary>
/// One operation = one second of 8 kHz audio fed to a DTMF detector in 20 ms frames, as a line channel does. The
/// Channels/core column is 1 s / mean: how many lines one core could watch for digits in real time (goal: 5 000 or more).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RealTimeAudioConfig))]
public class DtmfDetectorBenchmark
{
    private readonly DtmfDetector _detector = new();
    private short[] _audio = [];

    [Params("Digits", "Talk", "Silence")]
    public string Audio { get; set; } = "Digits";

    [GlobalSetup]
    public void Setup() => _audio = Audio switch
    {
        "Digits" => BenchmarkAudio.DtmfSecond(),
        "Talk" => BenchmarkAudio.TalkSecond(),
        _ => new short[BenchmarkAudio.SamplesPerSecond],
    };

    [Benchmark]
    public int OneSecond()
    {
        var digits = 0;
        for (var offset = 0; offset < _audio.Length; offset += LineAudio.FrameSamples)
        {
            if (_detector.Process(_audio.AsSpan(offset, LineAudio.FrameSamples)) != '\0')
            {
                digits++;
            }
        }

        return digits;
    }
}
