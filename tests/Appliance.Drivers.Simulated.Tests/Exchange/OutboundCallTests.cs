using Appliance.Drivers.Simulated.Tests.Support;
using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Tests.Exchange;

public sealed class OutboundCallTests
{
    [Theory]
    [InlineData("CN", 450, 0)]
    [InlineData("US", 350, 440)]
    public void A_seized_idle_line_hears_the_country_dial_tone_until_the_first_digit(string country, double f1, double f2)
    {
        using var rig = new SimRig(o => o.Country = country);
        var heard = rig.Listen(1);
        BoxDialer.Seize(rig, 1);
        rig.RunSeconds(1);
        var dialTone = heard.ToArray();
        Assert.True(AudioAnalysis.ToneDbm0(dialTone, f1) > -20, $"{f1} Hz missing from dial tone");
        if (f2 > 0)
        {
            Assert.True(AudioAnalysis.ToneDbm0(dialTone, f2) > -20, $"{f2} Hz missing from dial tone");
        }

        BoxDialer.Dial(rig, 1, "5");
        heard.Clear();
        rig.RunSeconds(1);
        Assert.True(AudioAnalysis.LevelDbm0(heard.ToArray()) < -55, "dial tone must stop at the first digit");
    }

    [Fact]
    public void Digits_are_decoded_from_the_audio_and_a_complete_registered_number_is_routed_at_once()
    {
        using var rig = new SimRig();
        rig.Exchange.RegisterCallee(new SimulatedCallee { Number = "5551234", Behavior = SimulatedCalleeBehavior.NeverAnswers });
        rig.Exchange.RegisterCallee(new SimulatedCallee { Number = "55512345" });
        BoxDialer.Seize(rig, 1);
        rig.RunSeconds(0.5);

        BoxDialer.Dial(rig, 1, "5551234", toneMs: 40, gapMs: 40);
        rig.Frames(2);
        Assert.Empty(rig.Exchange.CallsOnPort(1)); // 5551234 begins 55512345: the register waits for more

        BoxDialer.Dial(rig, 1, "5");
        var call = Assert.Single(rig.Exchange.CallsOnPort(1));
        Assert.Equal("55512345", call.DialledNumber);
        Assert.Equal(SimulatedCallState.Ringing, call.State);
    }

    [Fact]
    public void An_unknown_number_gets_congestion_tone_in_cadence_after_the_inter_digit_timeout()
    {
        using var rig = new SimRig();
        BoxDialer.Seize(rig, 1);
        rig.RunSeconds(0.5);
        BoxDialer.Dial(rig, 1, "123");
        rig.Run(TimeSpan.FromSeconds(2.5));
        Assert.Empty(rig.Exchange.CallsOnPort(1));

        rig.RunSeconds(0.6);
        var call = Assert.Single(rig.Exchange.CallsOnPort(1));
        Assert.Equal("123", call.DialledNumber);
        Assert.Equal(SimulatedCallEndReason.NumberUnobtainable, call.EndReason);
        AssertCadence(rig, onMs: 700, offMs: 700, frequency: 450);
    }

    [Fact]
    public void A_busy_callee_gives_busy_tone_in_cadence()
    {
        using var rig = new SimRig();
        rig.Exchange.RegisterCallee(new SimulatedCallee { Number = "5550000", Behavior = SimulatedCalleeBehavior.Busy });
        BoxDialer.Seize(rig, 1);
        BoxDialer.Dial(rig, 1, "5550000");

        var call = Assert.Single(rig.Exchange.CallsOnPort(1));
        Assert.Equal(SimulatedCallEndReason.CalleeBusy, call.EndReason);
        AssertCadence(rig, onMs: 350, offMs: 350, frequency: 450);
    }

    [Fact]
    public void A_callee_rings_with_ringback_answers_after_its_rings_reverses_polarity_and_hears_the_box()
    {
        using var rig = new SimRig();
        rig.Exchange.RegisterCallee(new SimulatedCallee
        {
            Number = "5551234",
            AnswerAfterRings = 2,
            AfterAnswer = [CallerStep.PlayTone(1400, 0, TimeSpan.FromSeconds(3)), CallerStep.HangUp()],
        });
        var log = rig.Record(1);
        var heard = rig.Listen(1);
        BoxDialer.Seize(rig, 1);
        BoxDialer.Dial(rig, 1, "5551234");
        var call = Assert.Single(rig.Exchange.CallsOnPort(1));
        heard.Clear();

        rig.RunUntil(() => call.State == SimulatedCallState.Connected, TimeSpan.FromSeconds(11), "the answer");
        Assert.Equal(2, call.RingCount);
        var ringback = heard.ToArray();
        var runs = AudioAnalysis.Cadence(ringback);
        Assert.Equal([(false, 4000), (true, 1000)], runs.Skip(1).Take(2).Select(r => (r.On, RoundTo(r.Milliseconds, 20))));
        Assert.InRange(runs[3].Milliseconds, 3980, 4020);
        Assert.True(AudioAnalysis.ToneDbm0(ringback.AsSpan(0, 4000), 450) > -20);
        Assert.Equal([LineSignal.PolarityReversed], log.Signals);
        Assert.Equal(LinePolarity.Reversed, rig.Port(1).Polarity);

        heard.Clear();
        BoxDialer.Play(rig, 1, Tone(1000, seconds: 2));
        Assert.True(AudioAnalysis.ToneDbm0(heard.ToArray(), 1400) > -20, "the box hears the callee's tone");
        var callee = call.ReceivedAudio.ToArray();
        Assert.True(AudioAnalysis.ToneDbm0(callee.AsSpan(callee.Length - 8000), 1000) > -20, "the callee hears the box");

        rig.RunUntil(() => call.State == SimulatedCallState.Ended, TimeSpan.FromSeconds(2), "the callee's hang-up");
        Assert.Equal(SimulatedCallEndReason.FarEndHungUp, call.EndReason);
        Assert.Equal(LinePolarity.Normal, rig.Port(1).Polarity); // the disconnect reversed it back
        rig.Port(1).SetHook(LineHookState.OnHook);
        rig.Frames(2);
        Assert.Equal(2, log.Count(LineSignal.PolarityReversed));
    }

    [Fact]
    public void Without_answer_reversal_the_answer_shows_only_as_ringback_stopping_and_the_box_hanging_up_ends_the_call()
    {
        using var rig = new SimRig(o => o.ReversePolarityOnAnswer = false);
        rig.Exchange.RegisterCallee(new SimulatedCallee { Number = "5551234", AnswerAfterRings = 1 });
        var log = rig.Record(1);
        BoxDialer.Seize(rig, 1);
        BoxDialer.Dial(rig, 1, "5551234");
        var call = Assert.Single(rig.Exchange.CallsOnPort(1));

        rig.RunUntil(() => call.State == SimulatedCallState.Connected, TimeSpan.FromSeconds(6), "the answer");
        Assert.Empty(log.Signals);
        rig.Port(1).SetHook(LineHookState.OnHook);
        rig.Frames(1);
        Assert.Equal(SimulatedCallEndReason.BoxHungUp, call.EndReason);
    }

    [Fact]
    public void An_inbound_call_to_a_line_the_box_has_seized_finds_it_busy()
    {
        using var rig = new SimRig();
        BoxDialer.Seize(rig, 1);
        var inbound = rig.Exchange.PlaceCall(1, new SimulatedCallRequest());
        rig.Frames(1);
        Assert.Equal(SimulatedCallEndReason.LineBusy, inbound.EndReason);
    }

    [Fact]
    public void Callees_declared_in_the_board_options_are_reachable()
    {
        using var rig = new SimRig(o => o.Callees.Add(new SimulatedCalleeOptions { Number = "5551234", AnswerAfterRings = 1, ToneHz = 1400 }));
        BoxDialer.Seize(rig, 1);
        BoxDialer.Dial(rig, 1, "5551234");
        var call = Assert.Single(rig.Exchange.CallsOnPort(1));
        rig.RunUntil(() => call.State == SimulatedCallState.Connected, TimeSpan.FromSeconds(6), "the answer");
        var heard = rig.Listen(1);
        rig.Frames(1);
        heard.Clear();
        rig.RunSeconds(1);
        Assert.True(AudioAnalysis.ToneDbm0(heard.ToArray(), 1400) > -20, $"1400 Hz at {AudioAnalysis.ToneDbm0(heard.ToArray(), 1400)} dBm0");
    }

    [Theory]
    [InlineData("")]
    [InlineData("555-1234")]
    [InlineData("123456789012345678901")]
    public void A_bad_callee_number_is_refused_naming_it(string number)
    {
        using var rig = new SimRig();
        var error = Assert.Throws<ArgumentException>(() => rig.Exchange.RegisterCallee(new SimulatedCallee { Number = number }));
        Assert.Contains($"'{number}'", error.Message, StringComparison.Ordinal);
    }

    private static void AssertCadence(SimRig rig, int onMs, int offMs, double frequency)
    {
        var heard = rig.Listen(1);
        rig.RunSeconds(4);
        var audio = heard.ToArray();
        var runs = AudioAnalysis.Cadence(audio);
        var whole = runs.Skip(1).Take(runs.Count - 2).ToList();
        Assert.True(whole.Count >= 3, $"only {whole.Count} whole cadence runs");
        Assert.All(whole, run => Assert.InRange(run.Milliseconds, (run.On ? onMs : offMs) - 10, (run.On ? onMs : offMs) + 10));
        Assert.True(AudioAnalysis.ToneDbm0(audio, frequency) > -30);
    }

    private static short[] Tone(double frequency, double seconds)
    {
        var samples = new short[(int)(seconds * 8000)];
        new Signals.ToneSynthesizer(frequency, 0, -10).Render(samples);
        return samples;
    }

    private static int RoundTo(int value, int step) => (int)Math.Round(value / (double)step) * step;
}
