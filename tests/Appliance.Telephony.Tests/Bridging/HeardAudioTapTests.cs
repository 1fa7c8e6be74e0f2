using Appliance.Telephony.Audio;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Telephony.Tests.Bridging;

/// <summary>
/// A supervised bridge shows its heard-audio tap each party's mix, once per party and tick: exactly the frame the party
/// was sent, and only while the supervisor is joined.
/// </summary>
public sealed class HeardAudioTapTests : IDisposable
{
    private readonly MediaClock _clock = new(new ManualTimeProvider(), NullLogger<MediaClock>.Instance);
    private readonly SentKeepingChannel _caller;
    private readonly SentKeepingChannel _agent;
    private readonly SentKeepingChannel _supervisor;
    private readonly KeepingTap _tap = new();
    private readonly Bridge _bridge;

    public HeardAudioTapTests()
    {
        // The clock is never started: the test runs its ticks itself.
        _caller = Answered("caller", 600);
        _agent = Answered("agent", 1400);
        _supervisor = Answered("supervisor", 2000);
        _bridge = new Bridge(_clock, _caller, _agent);
    }

    public void Dispose()
    {
        _bridge.Dispose();
        _clock.Dispose();
    }

    [Theory]
    [InlineData(SupervisionMode.Listen)]
    [InlineData(SupervisionMode.Whisper)]
    [InlineData(SupervisionMode.Barge)]
    public void Every_tick_each_party_s_mix_is_shown_once_and_is_the_frame_that_party_was_sent(SupervisionMode mode)
    {
        _clock.RunTick();
        _bridge.JoinSupervisor(_supervisor, mode, _tap);

        for (var i = 0; i < 10; i++)
        {
            _tap.Seen.Clear();
            _clock.RunTick();

            Assert.Equal([BridgeParty.LegA, BridgeParty.LegB, BridgeParty.Supervisor], _tap.Seen.Select(s => s.Listener).Order());
            Assert.Single(_tap.Seen.Select(s => s.Tick).Distinct());
            Assert.Equal(_caller.LastSent, _tap.Seen.Single(s => s.Listener == BridgeParty.LegA).Frame);
            Assert.Equal(_agent.LastSent, _tap.Seen.Single(s => s.Listener == BridgeParty.LegB).Frame);
            Assert.Equal(_supervisor.LastSent, _tap.Seen.Single(s => s.Listener == BridgeParty.Supervisor).Frame);
        }
    }

    [Fact]
    public void The_tap_is_shown_nothing_once_the_supervisor_is_removed_and_ticks_number_on()
    {
        _bridge.JoinSupervisor(_supervisor, SupervisionMode.Whisper, _tap);
        _clock.RunTick();
        _clock.RunTick();
        var ticks = _tap.Seen.Select(s => s.Tick).Distinct().ToList();

        _bridge.RemoveSupervisor();
        _tap.Seen.Clear();
        _clock.RunTick();

        Assert.Equal(2, ticks.Count);
        Assert.Equal(ticks[0] + 1, ticks[1]);
        Assert.Empty(_tap.Seen);
    }

    [Fact]
    public void A_party_sent_music_instead_of_the_mix_is_not_shown()
    {
        _bridge.JoinSupervisor(_supervisor, SupervisionMode.Listen, _tap);
        _bridge.ReplaceAudioTo(_caller, new SineSource(425));
        _clock.RunTick();

        Assert.Equal([BridgeParty.LegB, BridgeParty.Supervisor], _tap.Seen.Select(s => s.Listener).Order());
    }

    private SentKeepingChannel Answered(string id, double hz)
    {
        var channel = new SentKeepingChannel(id, hz);
        _clock.Register(channel);
        channel.Answer();
        return channel;
    }

    private sealed class KeepingTap : IHeardAudioTap
    {
        public List<(long Tick, BridgeParty Listener, short[] Frame)> Seen { get; } = [];

        public void OnHeard(long tick, BridgeParty listener, ReadOnlySpan<short> frame) => Seen.Add((tick, listener, frame.ToArray()));
    }

    /// <summary>Speaks a tone and keeps the last frame it was sent.</summary>
    private sealed class SentKeepingChannel(string id, double hz) : ChannelBase(id, "test", id, CallerIdentity.Unknown)
    {
        private readonly SineSource _voice = new(hz);

        public short[] LastSent { get; private set; } = [];

        public override void Answer() => SetUp();

        protected override bool ReceiveAudio(Span<short> frame) => _voice.Read(frame);

        protected override void TransmitAudio(ReadOnlySpan<short> frame) => LastSent = frame.ToArray();

        protected override void OnLocalHangUp(HangupCause cause)
        {
        }
    }
}
