using Appliance.Drivers.Simulated;
using Appliance.Hal.Lines;
using Appliance.Telephony.Analog;
using Appliance.Telephony.Audio;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Media;

namespace Appliance.Telephony.Tests.Analog;

public sealed class AnalogLineTests
{
    [Fact]
    public void Caller_id_sent_between_the_first_two_rings_is_decoded_and_the_call_offered_on_ring_two()
    {
        using var harness = new AnalogLineHarness();
        var call = harness.Ring("13800138000", "ZHANG SAN");

        Assert.True(harness.Time.AdvanceUntil(() => harness.Offered.Count == 1, TimeSpan.FromSeconds(12)));
        Assert.Equal(2, call.RingCount);
        Assert.Equal("13800138000", harness.Offered[0].Caller.Number);
        Assert.Equal("ZHANG SAN", harness.Offered[0].Caller.Name);
        Assert.Equal(AnalogLineStatus.Ringing, harness.Line.Status);
    }

    [Fact]
    public void A_call_without_caller_id_is_offered_with_an_unknown_caller()
    {
        using var harness = new AnalogLineHarness();
        harness.Ring(number: null);

        Assert.True(harness.Time.AdvanceUntil(() => harness.Offered.Count == 1, TimeSpan.FromSeconds(12)));
        Assert.Null(harness.Offered[0].Caller.Number);
    }

    [Fact]
    public void Caller_id_with_a_bad_checksum_is_not_believed()
    {
        using var harness = new AnalogLineHarness();
        harness.Ring("13800138000", corrupt: true);

        Assert.True(harness.Time.AdvanceUntil(() => harness.Offered.Count == 1, TimeSpan.FromSeconds(12)));
        Assert.Null(harness.Offered[0].Caller.Number);
    }

    [Fact]
    public void After_answer_in_band_dtmf_digits_reach_the_call_flow_in_order()
    {
        using var harness = new AnalogLineHarness();
        var (call, channel) = harness.RingAndAnswer();
        var digits = new List<char>();
        harness.Clock.Run(async () =>
        {
            while (digits.Count < 4)
            {
                if (await channel.ReadDigitAsync(TimeSpan.FromSeconds(10)) is { } digit)
                {
                    digits.Add(digit);
                }
            }
        });

        call.SendDtmf("19*#");
        Assert.True(harness.Time.AdvanceUntil(() => digits.Count == 4, TimeSpan.FromSeconds(5)));
        Assert.Equal("19*#", new string([.. digits]));
    }

    [Fact]
    public void Audio_flows_both_ways_once_answered()
    {
        using var harness = new AnalogLineHarness();
        var (call, channel) = harness.RingAndAnswer();
        harness.Clock.Post(() => channel.Background = new SineSource(1000));
        call.PlayTone(600, 0, TimeSpan.FromSeconds(2));
        var heardByBox = new List<short>();
        harness.Clock.Register(new FrameCollector(channel, heardByBox));

        harness.Time.Advance(TimeSpan.FromSeconds(2));

        var sentToCaller = call.ReceivedAudio.ToArray();
        Assert.InRange(ToneAnalysis.DominantFrequency(sentToCaller.AsSpan(^8000..), 300, 3000, 10), 990, 1010);
        Assert.InRange(ToneAnalysis.DominantFrequency(heardByBox.ToArray().AsSpan(^8000..), 300, 3000, 10), 590, 610);
    }

    [Theory]
    [InlineData(DisconnectSignal.BusyTone)]
    [InlineData(DisconnectSignal.PolarityReversal)]
    public async Task The_far_end_hanging_up_is_detected_and_the_line_goes_back_on_hook(DisconnectSignal signal)
    {
        using var harness = new AnalogLineHarness(signal);
        var (call, channel) = harness.RingAndAnswer();
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        call.HangUpNow();
        Assert.True(harness.Time.AdvanceUntil(() => channel.State == ChannelState.Down, TimeSpan.FromSeconds(5)));
        Assert.Equal(HangupCause.Remote, await channel.Ended);
        Assert.Equal(LineHookState.OnHook, harness.Exchange.Port(1).HookState);
        Assert.Equal(AnalogLineStatus.Idle, harness.Line.Status);
    }

    [Fact]
    public async Task A_line_that_goes_dead_mid_call_ends_the_call_as_line_dead()
    {
        using var harness = new AnalogLineHarness();
        var (call, channel) = harness.RingAndAnswer();
        call.KillLine();

        Assert.True(harness.Time.AdvanceUntil(() => channel.State == ChannelState.Down, TimeSpan.FromSeconds(2)));
        Assert.Equal(HangupCause.LineDead, await channel.Ended);
        Assert.Equal(AnalogLineStatus.Dead, harness.Line.Status);
    }

    [Fact]
    public async Task A_caller_who_gives_up_while_it_rings_ends_the_offered_channel()
    {
        using var harness = new AnalogLineHarness();
        harness.Ring("13800138000", maxRings: 3);
        Assert.True(harness.Time.AdvanceUntil(() => harness.Offered.Count == 1, TimeSpan.FromSeconds(12)));

        Assert.True(harness.Time.AdvanceUntil(() => harness.Offered[0].State == ChannelState.Down, TimeSpan.FromSeconds(30)));
        Assert.Equal(HangupCause.Remote, await harness.Offered[0].Ended);
        Assert.Equal(AnalogLineStatus.Idle, harness.Line.Status);
    }

    [Fact]
    public async Task Silence_on_the_line_for_the_configured_time_ends_the_call()
    {
        using var harness = new AnalogLineHarness(DisconnectSignal.Both, new AnalogLineOptions { SilenceTimeoutSeconds = 10 });
        var (_, channel) = harness.RingAndAnswer();

        harness.Time.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(ChannelState.Up, channel.State);
        Assert.True(harness.Time.AdvanceUntil(() => channel.State == ChannelState.Down, TimeSpan.FromSeconds(5)));
        Assert.Equal(HangupCause.Silence, await channel.Ended);
    }

    private sealed class FrameCollector(IChannel channel, List<short> into) : Appliance.Telephony.Clock.IMediaTickHandler
    {
        public void OnReceive(long tick)
        {
        }

        public void OnTransmit(long tick) => into.AddRange(channel.ReceivedFrame.ToArray());
    }
}
