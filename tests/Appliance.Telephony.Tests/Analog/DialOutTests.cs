using Appliance.Drivers.Simulated;
using Appliance.Hal.Lines;
using Appliance.Telephony.Analog;
using Appliance.Telephony.Audio;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Dialing;
using Appliance.Telephony.Media;

namespace Appliance.Telephony.Tests.Analog;

public sealed class DialOutTests
{
    private static readonly TimeSpan RingCycle = TimeSpan.FromSeconds(5); // China: ringback 1 s on, 4 s off

    [Fact]
    public void A_callee_answering_with_a_polarity_reversal_brings_the_channel_up_and_audio_flows_both_ways()
    {
        using var harness = new DialOutHarness();
        harness.Register("5551234", rings: 2, afterAnswer: CallerStep.PlayTone(1400, 0, TimeSpan.FromSeconds(30)));
        var channel = harness.Dial("line:5551234");
        Assert.Equal(ChannelState.Ringing, channel.State);
        Assert.Equal(AnalogLineStatus.Dialing, harness.Lines.Lines[0].Status);

        Assert.True(harness.Time.AdvanceUntil(() => channel.Answered.IsCompleted, TimeSpan.FromSeconds(20)));
        var callee = harness.CalleeCall();
        Assert.Equal("5551234", callee.DialledNumber); // the exchange decoded the box's DTMF
        Assert.Equal(2, callee.RingCount);
        Assert.Equal("1", channel.Endpoint);
        Assert.InRange(harness.Time.GetUtcNow() - callee.AnsweredAt!.Value, TimeSpan.Zero, TimeSpan.FromMilliseconds(60));

        harness.Clock.Post(() => channel.Background = new SineSource(1000));
        var heard = Collect(harness, channel, TimeSpan.FromSeconds(2));
        Assert.InRange(ToneAnalysis.DominantFrequency(heard.AsSpan(^8000..), 300, 3000, 10), 1390, 1410);
        var sent = callee.ReceivedAudio.ToArray();
        Assert.InRange(ToneAnalysis.DominantFrequency(sent.AsSpan(^8000..), 300, 3000, 10), 990, 1010);
    }

    [Fact]
    public void Without_a_polarity_reversal_the_answer_is_heard_as_ringback_stopping_and_the_far_end_sounding()
    {
        using var harness = new DialOutHarness(b => b.ReversePolarityOnAnswer = false);
        harness.Register("5551234", rings: 1, afterAnswer: CallerStep.PlayTone(1400, 0, TimeSpan.FromSeconds(30)));
        var channel = harness.Dial("line:5551234");

        Assert.True(harness.Time.AdvanceUntil(() => channel.Answered.IsCompleted, TimeSpan.FromSeconds(15)));
        var callee = harness.CalleeCall();
        Assert.Equal(SimulatedCallState.Connected, callee.State);
        Assert.InRange(harness.Time.GetUtcNow() - callee.AnsweredAt!.Value, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400));
    }

    [Theory]
    [InlineData(40, 40)]
    [InlineData(150, 100)]
    public void The_number_is_sent_with_the_configured_tone_and_pause_times(int toneMs, int pauseMs)
    {
        var options = new AnalogLineOptions { DtmfToneMilliseconds = toneMs, DtmfPauseMilliseconds = pauseMs };
        using var harness = new DialOutHarness(options: options);
        harness.Register("5551234", SimulatedCalleeBehavior.NeverAnswers);
        var start = harness.Time.GetUtcNow();
        harness.Dial("line:5551234");

        Assert.True(harness.Time.AdvanceUntil(() => harness.Exchange.CallsOnPort(1).Count == 1, TimeSpan.FromSeconds(5)));
        Assert.Equal("5551234", harness.CalleeCall().DialledNumber);
        // 600 ms of dial tone, six whole digits, and the last digit's tone long enough to be recognised.
        var expected = TimeSpan.FromMilliseconds(600 + (6 * (toneMs + pauseMs)) + 20);
        Assert.InRange(harness.Time.GetUtcNow() - start, expected, expected + TimeSpan.FromMilliseconds(toneMs + 100));
    }

    [Fact]
    public void The_channel_says_when_the_number_is_sent_so_a_ring_timeout_counts_ringing_only()
    {
        using var harness = new DialOutHarness();
        harness.Register("13900139001", SimulatedCalleeBehavior.NeverAnswers);
        var start = harness.Time.GetUtcNow();
        var progress = Assert.IsAssignableFrom<IDialProgress>(harness.Dial("line:13900139001"));

        Assert.True(harness.Time.AdvanceUntil(() => harness.Exchange.CallsOnPort(1).Count == 1, TimeSpan.FromSeconds(5)));
        Assert.False(progress.NumberSent.IsCompleted); // the exchange has the number, the last digit's pause is still going out
        Assert.True(harness.Time.AdvanceUntil(() => progress.NumberSent.IsCompleted, TimeSpan.FromSeconds(1)));

        // 600 ms of dial tone and eleven digits of 100 ms tone and 100 ms pause.
        Assert.InRange((harness.Time.GetUtcNow() - start).TotalMilliseconds, 600 + 2200, 600 + 2200 + 60);
    }

    [Fact]
    public async Task A_busy_number_ends_the_channel_as_busy_and_frees_the_line()
    {
        using var harness = new DialOutHarness();
        harness.Register("5550000", SimulatedCalleeBehavior.Busy);
        var channel = harness.Dial("line:5550000");

        Assert.True(harness.Time.AdvanceUntil(() => channel.State == ChannelState.Down, TimeSpan.FromSeconds(10)));
        Assert.Equal(HangupCause.Busy, await channel.Ended);
        await Assert.ThrowsAsync<ChannelHangupException>(() => channel.Answered);
        AssertIdle(harness, 1);
    }

    [Fact]
    public async Task An_unknown_number_ends_the_channel_as_congestion()
    {
        using var harness = new DialOutHarness();
        var channel = harness.Dial("line:123");

        Assert.True(harness.Time.AdvanceUntil(() => channel.State == ChannelState.Down, TimeSpan.FromSeconds(10)));
        Assert.Equal(HangupCause.Congestion, await channel.Ended);
        Assert.Equal(SimulatedCallEndReason.NumberUnobtainable, harness.CalleeCall().EndReason);
        AssertIdle(harness, 1);
    }

    [Fact]
    public async Task A_number_nobody_answers_ends_as_no_answer_after_the_timeout()
    {
        using var harness = new DialOutHarness(options: new AnalogLineOptions { NoAnswerTimeoutSeconds = 20 });
        harness.Register("5551234", SimulatedCalleeBehavior.NeverAnswers);
        var channel = harness.Dial("line:5551234");

        harness.Time.Advance(TimeSpan.FromSeconds(18));
        Assert.Equal(ChannelState.Ringing, channel.State);
        Assert.True(harness.Time.AdvanceUntil(() => channel.State == ChannelState.Down, TimeSpan.FromSeconds(6)));
        Assert.Equal(HangupCause.NoAnswer, await channel.Ended);
        Assert.True(harness.Time.AdvanceUntil(() => harness.CalleeCall().State == SimulatedCallState.Ended, TimeSpan.FromSeconds(1)));
        Assert.Equal(SimulatedCallEndReason.BoxHungUp, harness.CalleeCall().EndReason);
        AssertIdle(harness, 1);
    }

    [Fact]
    public async Task No_dial_tone_within_the_timeout_fails_the_channel()
    {
        // The box listens for North American dial tone; the exchange plays China's.
        using var harness = new DialOutHarness(options: new AnalogLineOptions { BusyToneCountry = "US", DialToneTimeoutSeconds = 3 });
        var channel = harness.Dial("line:5551234");

        harness.Time.Advance(TimeSpan.FromSeconds(2.5));
        Assert.Equal(ChannelState.Ringing, channel.State);
        Assert.True(harness.Time.AdvanceUntil(() => channel.State == ChannelState.Down, TimeSpan.FromSeconds(1)));
        Assert.Equal(HangupCause.Failed, await channel.Ended);
        Assert.Empty(harness.Exchange.CallsOnPort(1)); // nothing was dialled
        AssertIdle(harness, 1);
    }

    [Theory]
    [InlineData(DisconnectSignal.Both)]
    [InlineData(DisconnectSignal.BusyTone)]
    public async Task The_far_end_hanging_up_after_the_answer_ends_the_channel_as_remote(DisconnectSignal signal)
    {
        using var harness = new DialOutHarness(b => b.DisconnectSignal = signal);
        harness.Register("5551234", rings: 1, afterAnswer: [CallerStep.PlayTone(1400, 0, TimeSpan.FromSeconds(3)), CallerStep.HangUp()]);
        var channel = harness.Dial("line:5551234");
        Assert.True(harness.Time.AdvanceUntil(() => channel.Answered.IsCompleted, TimeSpan.FromSeconds(15)));

        Assert.True(harness.Time.AdvanceUntil(() => channel.State == ChannelState.Down, TimeSpan.FromSeconds(8)));
        Assert.Equal(HangupCause.Remote, await channel.Ended);
        Assert.Equal(SimulatedCallEndReason.FarEndHungUp, harness.CalleeCall().EndReason);
        AssertIdle(harness, 1);
    }

    [Fact]
    public async Task The_box_hanging_up_while_it_rings_ends_the_callee_call()
    {
        using var harness = new DialOutHarness();
        harness.Register("5551234", SimulatedCalleeBehavior.NeverAnswers);
        var channel = harness.Dial("line:5551234");
        Assert.True(harness.Time.AdvanceUntil(() => harness.Exchange.CallsOnPort(1).Count == 1, TimeSpan.FromSeconds(6)));

        harness.Clock.Post(() => channel.HangUp());
        Assert.True(harness.Time.AdvanceUntil(() => harness.CalleeCall().State == SimulatedCallState.Ended, TimeSpan.FromSeconds(1)));
        Assert.Equal(SimulatedCallEndReason.BoxHungUp, harness.CalleeCall().EndReason);
        Assert.Equal(HangupCause.Local, await channel.Ended);
        AssertIdle(harness, 1);
    }

    [Fact]
    public void A_line_dialling_out_is_not_offered_an_inbound_call_and_the_next_dial_takes_the_next_line()
    {
        using var harness = new DialOutHarness();
        harness.Register("5551234", SimulatedCalleeBehavior.NeverAnswers);
        var first = harness.Dial("line:5551234");
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        var inbound = harness.Exchange.PlaceCall(1, new SimulatedCallRequest());
        harness.Time.Advance(TimeSpan.FromSeconds(12));
        Assert.Equal(SimulatedCallEndReason.LineBusy, inbound.EndReason);
        Assert.Empty(harness.Offered);

        var second = harness.Dial("line:5551234");
        Assert.Equal(("1", "2"), (first.Endpoint, second.Endpoint));
        Assert.Equal(AnalogLineStatus.Dialing, harness.Lines.Lines[1].Status);
    }

    [Fact]
    public async Task A_given_port_is_dialled_and_a_busy_given_port_or_no_idle_line_fails_at_once()
    {
        using var harness = new DialOutHarness();
        harness.Register("5551234", SimulatedCalleeBehavior.NeverAnswers);
        var onTwo = harness.Dial("line:2/5551234");
        Assert.Equal("2", onTwo.Endpoint);
        Assert.Equal(AnalogLineStatus.Idle, harness.Lines.Lines[0].Status);

        var again = harness.Dial("line:2/5551234");
        Assert.Equal(HangupCause.Failed, await again.Ended);
        harness.Dial("line:5551234");
        var none = harness.Dial("line:5551234");
        Assert.Equal(HangupCause.Failed, await none.Ended);
        Assert.Equal(ChannelState.Ringing, onTwo.State);
    }

    [Fact]
    public async Task Glare_a_ring_arriving_as_the_line_is_seized_is_taken_as_the_inbound_call_and_the_dial_out_fails()
    {
        using var harness = new DialOutHarness();
        harness.Register("5551234");
        var inbound = harness.Exchange.PlaceCall(1, new SimulatedCallRequest());
        var dialled = harness.Clock.InvokeAsync(() => harness.Dialers.Dial("line:1/5551234"));

        // One step: the exchange starts ringing, then the loop seizes the line and only then hears the ring.
        harness.Time.Advance(TimeSpan.FromMilliseconds(20));
        var outbound = await dialled;
        Assert.True(harness.Time.AdvanceUntil(() => harness.Offered.Count == 1, TimeSpan.FromSeconds(1)));
        Assert.Equal(HangupCause.Failed, await outbound.Ended);
        Assert.True(harness.Time.AdvanceUntil(() => inbound.State == SimulatedCallState.Connected, TimeSpan.FromMilliseconds(40)),
            "the seizure answers the inbound call at the exchange");

        var offered = harness.Offered[0];
        harness.Clock.Post(offered.Answer);
        Assert.True(harness.Time.AdvanceUntil(() => offered.State == ChannelState.Up, TimeSpan.FromSeconds(1)));
        inbound.SendDtmf("7");
        var digit = harness.Clock.InvokeAsync(() => offered.ReadDigitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(harness.Time.AdvanceUntil(() => digit.IsCompleted && digit.Result.IsCompleted, TimeSpan.FromSeconds(3)));
        Assert.Equal('7', await await digit);
        Assert.DoesNotContain(harness.Exchange.CallsOnPort(1), call => call.DialledNumber is not null);
    }

    [Theory]
    [InlineData("line:555x1234", "'x'")]
    [InlineData("line:555 1234", "' '")]
    [InlineData("line:5551234A", "'A'")]
    [InlineData("line:", "1 to 32 digits")]
    [InlineData("line:9/5551234", "port '9'")]
    [InlineData("line:0/5551234", "port '0'")]
    [InlineData("line:x/5551234", "port 'x'")]
    public void A_dial_string_that_cannot_be_dialled_is_refused_naming_the_problem_and_the_lines_stay_idle(string dialString, string named)
    {
        using var harness = new DialOutHarness();

        var error = Assert.Throws<ArgumentException>(() => harness.Dial(dialString));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        AssertIdle(harness, 1);
        AssertIdle(harness, 2);
    }

    private static void AssertIdle(DialOutHarness harness, int port)
    {
        Assert.Equal(AnalogLineStatus.Idle, harness.Lines.Lines[port - 1].Status);
        Assert.Equal(LineHookState.OnHook, harness.Exchange.Port(port).HookState);
    }

    private static short[] Collect(DialOutHarness harness, IChannel channel, TimeSpan duration)
    {
        var heard = new List<short>();
        var collector = new FrameCollector(channel, heard);
        harness.Clock.Register(collector);
        harness.Time.Advance(duration);
        harness.Clock.Unregister(collector);
        return [.. heard];
    }

    private sealed class FrameCollector(IChannel channel, List<short> into) : Appliance.Telephony.Clock.IMediaTickHandler
    {
        public void OnReceive(long tick)
        {
        }

        public void OnTransmit(long tick) => into.AddRange(channel.ReceivedFrame.ToArray());
    }
}
