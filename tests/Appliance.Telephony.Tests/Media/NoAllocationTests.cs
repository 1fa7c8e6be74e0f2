using Appliance.Drivers.Simulated.Signals;
using Appliance.Telephony.Media;
using static Appliance.Telephony.Tests.Media.Support.TestSignals;

namespace Appliance.Telephony.Tests.Media;

/// <summary>The per-frame media paths must not allocate: measured with the thread's allocation counter.</summary>
public sealed class NoAllocationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dsp-alloc-").FullName;
    private readonly short[] _audio = WithNoise(DtmfSequence("159#", 60, 60, -15), -15, 20, seed: 2);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Detectors_do_not_allocate_per_frame()
    {
        var dtmf = new DtmfDetector();
        var callerId = new CallerIdReceiver();
        var busy = new CallProgressToneDetector(CallProgressToneProfile.China);
        var silence = new SilenceDetector();

        AssertNoAllocation(frame =>
        {
            dtmf.Process(frame);
            callerId.Process(frame);
            busy.Process(frame);
            silence.Process(frame);
        });
    }

    [Fact]
    public void Generators_and_codecs_do_not_allocate_per_frame()
    {
        var tone = ToneGenerator.ChinaRingback();
        var synthesizer = new ToneSynthesizer(697, 1209);
        var buffer = new short[160];
        var coded = new byte[160];

        AssertNoAllocation(frame =>
        {
            tone.Render(buffer);
            synthesizer.Render(buffer);
            G711.EncodeALaw(frame, coded);
            G711.DecodeALaw(coded, buffer);
            G711.EncodeMuLaw(frame, coded);
            G711.DecodeMuLaw(coded, buffer);
        });
    }

    [Fact]
    public void Wav_writer_does_not_allocate_per_frame()
    {
        using var writer = WavWriter.Create(Path.Combine(_directory, "a.wav"), 8000, 2, TimeSpan.FromHours(1));
        AssertNoAllocation(frame =>
        {
            writer.WriteStereo(frame, frame);
            writer.Write(frame);
        });
    }

    private void AssertNoAllocation(Action<short[]> perFrame)
    {
        var frames = new short[_audio.Length / 160][];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = _audio[(i * 160)..((i + 1) * 160)];
        }

        foreach (var frame in frames)
        {
            perFrame(frame); // warm up: JIT, static tables
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 5; round++)
        {
            foreach (var frame in frames)
            {
                perFrame(frame);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
