using Appliance.Telephony.Bridging;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Media;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Telephony.Tests.Bridging;

/// <summary>
/// A supervised bridge's media tick (three legs received, mixed, sent and shown to a heard-audio tap) allocates nothing,
/// in any mode.
/// </summary>
public sealed class SupervisedBridgeAllocationTests
{
    [Theory]
    [InlineData(SupervisionMode.Listen)]
    [InlineData(SupervisionMode.Whisper)]
    [InlineData(SupervisionMode.Barge)]
    public void A_supervised_tick_does_not_allocate(SupervisionMode mode)
    {
        // The clock is never started: the test runs its ticks itself, on this thread, so the thread's counter sees them all.
        using var clock = new MediaClock(new ManualTimeProvider(), NullLogger<MediaClock>.Instance);
        var caller = Quiet(clock, "caller", 600);
        var agent = Quiet(clock, "agent", 1400);
        var supervisor = Quiet(clock, "supervisor", 2000);
        using var bridge = new Bridge(clock, caller, agent);
        var heard = new CountingTap();
        bridge.JoinSupervisor(supervisor, mode, heard);
        for (var i = 0; i < 100; i++)
        {
            clock.RunTick();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            clock.RunTick();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(supervisor.LoudFrames >= 1000, "the supervisor heard the mix on every tick");
        Assert.Equal(3 * 1100, heard.Frames);
    }

    [Fact]
    public void Mixing_saturates_instead_of_wrapping_around()
    {
        short[] first = [30_000, -30_000, 100, short.MaxValue];
        short[] second = [30_000, -30_000, -300, 1];
        var mixed = new short[4];

        SampleMixer.Mix(first, second, mixed);

        Assert.Equal([short.MaxValue, short.MinValue, (short)-200, short.MaxValue], mixed);
        Assert.Throws<ArgumentException>(() => SampleMixer.Mix(first, second, new short[3]));
    }

    private static QuietChannel Quiet(MediaClock clock, string id, double hz)
    {
        var channel = new QuietChannel(id, hz);
        clock.Register(channel);
        channel.Answer();
        return channel;
    }

    private sealed class CountingTap : IHeardAudioTap
    {
        public int Frames { get; private set; }

        public void OnHeard(long tick, BridgeParty listener, ReadOnlySpan<short> frame) => Frames++;
    }

    /// <summary>Speaks a tone and only counts loud frames heard, so the test channel itself allocates nothing.</summary>
    private sealed class QuietChannel(string id, double hz) : ChannelBase(id, "test", id, CallerIdentity.Unknown)
    {
        private readonly Audio.SineSource _voice = new(hz);

        public int LoudFrames { get; private set; }

        public override void Answer() => SetUp();

        protected override bool ReceiveAudio(Span<short> frame) => _voice.Read(frame);

        protected override void TransmitAudio(ReadOnlySpan<short> frame)
        {
            if (frame.ContainsAnyExceptInRange((short)-1000, (short)1000))
            {
                LoudFrames++;
            }
        }

        protected override void OnLocalHangUp(HangupCause cause)
        {
        }
    }
}
