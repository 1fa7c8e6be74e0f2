using Appliance.Telephony.Audio;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Media;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Telephony.Tests.Channels;

public sealed class ChannelAndBridgeTests : IDisposable
{
    private readonly ManualTimeProvider _time = new();
    private readonly MediaClock _clock;

    public ChannelAndBridgeTests()
    {
        _clock = new MediaClock(_time, NullLogger<MediaClock>.Instance);
        _clock.Start();
    }

    [Fact]
    public async Task A_prompt_plays_to_its_end_then_the_channel_falls_back_to_silence()
    {
        var channel = Answered("a", 600);
        Task<bool>? played = null;
        _clock.Post(() => played = channel.PlayAsync(new ClipSource(Tone(1000, 4000)), stopOnDigit: true));

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(await played!);
        Assert.InRange(ToneAnalysis.DominantFrequency(channel.Heard.Take(4000).ToArray(), 300, 3000, 10), 990, 1010);
        Assert.All(channel.Heard.Skip(4160), s => Assert.Equal(0, s));
    }

    [Fact]
    public async Task A_key_stops_an_interruptible_prompt_and_is_kept_for_the_next_read()
    {
        var channel = Answered("a", 600);
        Task<bool>? played = null;
        char? digit = null;
        _clock.Run(async () =>
        {
            played = channel.PlayAsync(new ClipSource(Tone(1000, 80_000)), stopOnDigit: true);
            await played;
            digit = await channel.ReadDigitAsync(TimeSpan.FromSeconds(1));
        });
        _time.Advance(TimeSpan.FromMilliseconds(200));

        _clock.Post(() => channel.Press('5'));
        _time.Advance(TimeSpan.FromMilliseconds(60));

        Assert.False(await played!);
        Assert.Equal('5', digit);
    }

    [Fact]
    public void Reading_a_digit_times_out_with_null()
    {
        var channel = Answered("a", 600);
        var done = false;
        char? digit = 'x';
        _clock.Run(async () =>
        {
            digit = await channel.ReadDigitAsync(TimeSpan.FromSeconds(3));
            done = true;
        });

        _time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(done);
        _time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.True(done);
        Assert.Null(digit);
    }

    [Fact]
    public async Task Hangup_wakes_a_waiting_flow_with_the_cause()
    {
        var channel = Answered("a", 600);
        Exception? error = null;
        _clock.Run(async () =>
        {
            try
            {
                await channel.ReadDigitAsync(TimeSpan.FromMinutes(1));
            }
            catch (ChannelHangupException ex)
            {
                error = ex;
            }
        });
        _time.Advance(TimeSpan.FromMilliseconds(100));

        _clock.Post(channel.FarEndHangsUp);
        _time.Advance(TimeSpan.FromMilliseconds(40));

        Assert.Equal(HangupCause.Remote, Assert.IsType<ChannelHangupException>(error).Cause);
        Assert.Equal(HangupCause.Remote, await channel.Ended);
        Assert.Throws<ChannelHangupException>(() => { _ = channel.ReadDigitAsync(TimeSpan.FromSeconds(1)); });
    }

    [Fact]
    public void A_bridge_carries_each_side_to_the_other_and_taps_both_on_the_same_tick()
    {
        var caller = Answered("caller", 600);
        var agent = Answered("agent", 1400);
        var tap = new CollectingTap();
        _clock.Post(() => _ = new Bridge(_clock, caller, agent, tap));

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.InRange(ToneAnalysis.DominantFrequency(caller.Heard.TakeLast(4000).ToArray(), 300, 3000, 10), 1390, 1410);
        Assert.InRange(ToneAnalysis.DominantFrequency(agent.Heard.TakeLast(4000).ToArray(), 300, 3000, 10), 590, 610);
        Assert.Equal(tap.Left.Count, tap.Right.Count);
        Assert.InRange(ToneAnalysis.DominantFrequency(tap.Left.ToArray(), 300, 3000, 10), 590, 610);
        Assert.InRange(ToneAnalysis.DominantFrequency(tap.Right.ToArray(), 300, 3000, 10), 1390, 1410);
    }

    [Fact]
    public void Disposing_a_bridge_splits_the_legs_and_closes_the_tap()
    {
        var caller = Answered("caller", 600);
        var agent = Answered("agent", 1400);
        var tap = new CollectingTap();
        Bridge? bridge = null;
        _clock.Post(() => bridge = new Bridge(_clock, caller, agent, tap));
        _time.Advance(TimeSpan.FromMilliseconds(200));

        _clock.Post(() => bridge!.Dispose());
        _time.Advance(TimeSpan.FromMilliseconds(40));
        var tapped = tap.Left.Count;
        _time.Advance(TimeSpan.FromMilliseconds(200));

        Assert.True(tap.Disposed);
        Assert.Equal(tapped, tap.Left.Count);
        Assert.All(caller.Heard.TakeLast(800), s => Assert.Equal(0, s));
    }

    public void Dispose() => _clock.Dispose();

    private TestChannel Answered(string id, double voiceHz)
    {
        var channel = new TestChannel(id, voiceHz);
        channel.FarEndAnswers();
        _clock.Register(channel);
        return channel;
    }

    private static short[] Tone(double hz, int samples)
    {
        var buffer = new short[samples];
        new SineSource(hz).Read(buffer);
        return buffer;
    }

    private sealed class CollectingTap : IBridgeTap
    {
        public List<short> Left { get; } = [];

        public List<short> Right { get; } = [];

        public bool Disposed { get; private set; }

        public void OnFrames(ReadOnlySpan<short> legA, ReadOnlySpan<short> legB)
        {
            Left.AddRange(legA.ToArray());
            Right.AddRange(legB.ToArray());
        }

        public void Dispose() => Disposed = true;
    }
}
