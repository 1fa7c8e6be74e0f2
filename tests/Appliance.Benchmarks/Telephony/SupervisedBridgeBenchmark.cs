using Appliance.Telephony.Audio;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Benchmarks.Telephony;

/// <summary>
/// One 20 ms media tick of 100 bridged calls (caller and agent each speaking a tone), each with a supervisor in the mode
/// given, or none: the difference from "none", divided by 100, is the cost a supervisor adds to a call per tick (the third
/// leg's receive and transmit, and the mixing).
/// </summary>
[MemoryDiagnoser]
public class SupervisedBridgeBenchmark
{
    private const int Calls = 100;
    private readonly List<Bridge> _bridges = [];
    private MediaClock _clock = null!;

    /// <summary>"none" for plain two-party bridges, else listen, whisper or barge.</summary>
    [Params("none", "listen", "whisper", "barge")]
    public string Mode { get; set; } = "none";

    [GlobalSetup]
    public void Setup()
    {
        _clock = new MediaClock(TimeProvider.System, NullLogger<MediaClock>.Instance);
        for (var i = 0; i < Calls; i++)
        {
            var bridge = new Bridge(_clock, Leg(_clock, 600), Leg(_clock, 1400));
            if (Enum.TryParse<SupervisionMode>(Mode, ignoreCase: true, out var mode))
            {
                bridge.JoinSupervisor(Leg(_clock, 2000), mode);
            }

            _bridges.Add(bridge);
        }
    }

    [Benchmark]
    public void OneTick() => _clock.RunTick();

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var bridge in _bridges)
        {
            bridge.Dispose();
        }

        _clock.Dispose();
    }

    private static ToneChannel Leg(MediaClock clock, double hz)
    {
        var channel = new ToneChannel(hz);
        clock.Register(channel);
        return channel;
    }

    private sealed class ToneChannel : ChannelBase
    {
        private readonly SineSource _voice;
        private readonly short[] _sent = new short[160];

        public ToneChannel(double hz)
            : base("bench/" + hz, "bench", "bench", CallerIdentity.Unknown)
        {
            _voice = new SineSource(hz);
            SetUp();
        }

        public override void Answer()
        {
        }

        protected override bool ReceiveAudio(Span<short> frame) => _voice.Read(frame);

        protected override void TransmitAudio(ReadOnlySpan<short> frame) => frame.CopyTo(_sent);

        protected override void OnLocalHangUp(HangupCause cause)
        {
        }
    }
}
