using Appliance.Telephony.Audio;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Benchmarks.Telephony;

/// <summary>
/// The cost of one 20 ms media tick with N answered channels each sending a tone: divide the mean by N for the cost
/// per channel per tick, and by 20 ms for the share of a core.
/// </summary>
[MemoryDiagnoser]
public class MediaClockBenchmark
{
    private MediaClock _clock = null!;

    [Params(100, 1000)]
    public int Channels { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _clock = new MediaClock(TimeProvider.System, NullLogger<MediaClock>.Instance);
        for (var i = 0; i < Channels; i++)
        {
            var channel = new LoopbackChannel(i);
            channel.Background = new SineSource(400 + i);
            _clock.Register(channel);
        }
    }

    [Benchmark]
    public void OneTick() => _clock.RunTick();

    [GlobalCleanup]
    public void Cleanup() => _clock.Dispose();

    private sealed class LoopbackChannel : ChannelBase
    {
        private readonly short[] _last = new short[160];

        public LoopbackChannel(int index)
            : base("bench/" + index, "bench", index.ToString(System.Globalization.CultureInfo.InvariantCulture), CallerIdentity.Unknown)
        {
            SetUp();
        }

        public override void Answer()
        {
        }

        protected override bool ReceiveAudio(Span<short> frame)
        {
            _last.CopyTo(frame);
            return true;
        }

        protected override void TransmitAudio(ReadOnlySpan<short> frame) => frame.CopyTo(_last);

        protected override void OnLocalHangUp(HangupCause cause)
        {
        }
    }
}
