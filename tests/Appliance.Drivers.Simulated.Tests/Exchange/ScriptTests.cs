using Appliance.Drivers.Simulated.Signals;
using Appliance.Drivers.Simulated.Tests.Support;
using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Tests.Exchange;

public sealed class ScriptTests
{
    private static readonly double[] DtmfRows = [697, 770, 852, 941];
    private static readonly double[] DtmfColumns = [1209, 1336, 1477, 1633];

    [Fact]
    public void Dtmf_digits_carry_their_row_and_column_frequencies_in_order()
    {
        using var rig = new SimRig();
        var heard = rig.Listen(1);
        var call = rig.Answered();
        var answeredAtSample = heard.Count;
        call.SendDtmf("159#D", toneMs: 80, gapMs: 60, levelDbm0: -12);
        rig.RunSeconds(1);

        var audio = heard.ToArray().AsSpan(answeredAtSample);
        var position = 0;
        foreach (var digit in "159#D")
        {
            var tone = audio.Slice(position, 640);
            var (low, high) = DtmfFrequencies.For(digit);
            Assert.InRange(AudioAnalysis.ToneDbm0(tone, low), -12.5, -11.5);
            Assert.InRange(AudioAnalysis.ToneDbm0(tone, high), -12.5, -11.5);
            foreach (var other in DtmfRows.Concat(DtmfColumns).Where(f => f != low && f != high))
            {
                Assert.True(AudioAnalysis.ToneDbm0(tone, other) < -35, $"digit {digit}: {other} Hz present");
            }

            Assert.True(AudioAnalysis.LevelDbm0(audio.Slice(position + 640, 480)) < -60, $"gap after {digit} is not silent");
            position += 640 + 480;
        }

        Assert.True(AudioAnalysis.LevelDbm0(audio[position..]) < -60);
    }

    [Fact]
    public void Steps_run_in_order_with_sample_exact_timing()
    {
        using var rig = new SimRig();
        var heard = rig.Listen(1);
        var call = rig.Answered();
        var start = heard.Count;
        var marker = Enumerable.Range(0, 100).Select(i => (short)(1000 + i)).ToArray();
        call.Wait(TimeSpan.FromMilliseconds(310))
            .PlayTone(1000, 0, TimeSpan.FromMilliseconds(250), levelDbm0: -15)
            .PlaySamples(marker)
            .Wait(TimeSpan.FromMilliseconds(100));
        rig.RunSeconds(1);

        var audio = heard.ToArray().AsSpan(start);
        Assert.True(AudioAnalysis.LevelDbm0(audio[..2480]) < -60, "the wait is not silent");
        Assert.True(Math.Abs((int)audio[2480]) < 50 && Math.Abs((int)audio[2482]) > 300, "the tone does not start right after 310 ms");
        Assert.InRange(AudioAnalysis.ToneDbm0(audio.Slice(2480, 2000), 1000), -15.3, -14.7);
        Assert.True(audio.Slice(4480, 100).SequenceEqual(marker), "samples not played right after the tone");
        Assert.True(AudioAnalysis.LevelDbm0(audio[4580..]) < -60);
        Assert.Equal(0, call.PendingSteps);
    }

    [Fact]
    public void Steps_queued_before_answer_wait_for_it()
    {
        using var rig = new SimRig();
        var heard = rig.Listen(1);
        var call = rig.Exchange.PlaceCall(1, new SimulatedCallRequest());
        call.PlayTone(440, 0, TimeSpan.FromSeconds(2));
        rig.RunSeconds(3);
        Assert.Equal(1, call.PendingSteps);
        Assert.True(AudioAnalysis.ToneDbm0(heard.ToArray(), 440) < -60);

        rig.Port(1).SetHook(LineHookState.OffHook);
        heard.Clear();
        rig.RunSeconds(1);
        Assert.InRange(AudioAnalysis.ToneDbm0(heard.ToArray(), 440), -16, -14);
    }

    [Fact]
    public void A_hang_up_step_ends_the_call_after_the_steps_before_it_and_drops_the_rest()
    {
        using var rig = new SimRig();
        var call = rig.Answered();
        SimulatedCallEndedEventArgs? ended = null;
        call.Ended += (_, args) => ended = args;
        var answeredAt = call.AnsweredAt!.Value;
        call.Wait(TimeSpan.FromMilliseconds(500)).HangUp().PlayTone(440, 0, TimeSpan.FromSeconds(1));

        rig.RunSeconds(1);

        Assert.NotNull(ended);
        Assert.Equal(SimulatedCallEndReason.FarEndHungUp, ended.Reason);
        Assert.InRange((ended.At - answeredAt).TotalMilliseconds, 500, 540);
        Assert.Equal(ended.At, call.EndedAt);
        Assert.Equal(0, call.PendingSteps);
    }

    [Fact]
    public void Kill_and_restore_steps_interrupt_the_line_and_the_call_carries_on()
    {
        using var rig = new SimRig();
        var log = rig.Record(1);
        var heard = rig.Listen(1);
        var call = rig.Answered();
        var start = heard.Count;
        call.Enqueue(
            CallerStep.RestoreLine(), // already alive: no signal
            CallerStep.PlayTone(1000, 0, TimeSpan.FromSeconds(1)),
            CallerStep.KillLine(),
            CallerStep.Wait(TimeSpan.FromSeconds(1)),
            CallerStep.RestoreLine(),
            CallerStep.PlayTone(1000, 0, TimeSpan.FromSeconds(1)));

        rig.RunSeconds(0.9);
        Assert.True(rig.Port(1).HasLineVoltage);
        rig.RunSeconds(0.2);
        Assert.False(rig.Port(1).HasLineVoltage);
        Assert.Equal(SimulatedCallState.Connected, call.State);

        var keptBefore = call.ReceivedAudio.SampleCount;
        rig.Port(1).WriteFrame(Enumerable.Repeat((short)500, LineAudio.FrameSamples).ToArray());
        rig.RunSeconds(0.5);
        Assert.Equal(keptBefore, call.ReceivedAudio.SampleCount);

        rig.RunSeconds(0.7);
        Assert.True(rig.Port(1).HasLineVoltage);
        Assert.Equal(SimulatedCallState.Connected, call.State);
        Assert.Equal(
            [LineSignal.RingStarted, LineSignal.RingStopped, LineSignal.LineVoltageLost, LineSignal.LineVoltageRestored],
            log.Signals);
        var deadFor = log.TimesOf(LineSignal.LineVoltageRestored)[0] - log.TimesOf(LineSignal.LineVoltageLost)[0];
        Assert.InRange(deadFor.TotalMilliseconds, 980, 1020);

        rig.RunSeconds(1);
        var audio = heard.ToArray().AsSpan(start);
        Assert.InRange(AudioAnalysis.ToneDbm0(audio[..7800], 1000), -15.5, -14.5);
        Assert.Equal(-1, AudioAnalysis.FirstAbove(audio.Slice(8160, 7800), 0));
        Assert.InRange(AudioAnalysis.ToneDbm0(audio.Slice(16_160, 7800), 1000), -15.5, -14.5);
    }

    [Fact]
    public void Steps_are_checked_when_made()
    {
        Assert.Contains("position 2", Assert.Throws<ArgumentException>(() => CallerStep.SendDtmf("12x")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CallerStep.SendDtmf(""));
        Assert.Throws<ArgumentOutOfRangeException>(() => CallerStep.SendDtmf("1", toneMs: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CallerStep.SendDtmf("1", gapMs: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CallerStep.SendDtmf("1", levelDbm0: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => CallerStep.PlayTone(0, 0, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CallerStep.PlayTone(440, 4000, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CallerStep.PlayTone(440, 0, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => CallerStep.PlayTone(440, 0, TimeSpan.FromSeconds(1), double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => CallerStep.Wait(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentNullException>(() => CallerStep.PlaySamples(null!));
    }

    [Fact]
    public void Played_samples_are_copied_so_later_changes_do_not_leak_in()
    {
        using var rig = new SimRig();
        var heard = rig.Listen(1);
        var call = rig.Answered();
        var start = heard.Count;
        var samples = Enumerable.Repeat((short)1234, 400).ToArray();
        call.PlaySamples(samples);
        Array.Fill(samples, (short)-1);
        rig.Frames(5);

        Assert.All(heard.Skip(start).Take(400), s => Assert.Equal(1234, s));
    }

    [Fact]
    public void Empty_script_means_low_line_noise_not_digital_silence()
    {
        using var rig = new SimRig();
        var heard = rig.Listen(1);
        rig.Answered();
        var start = heard.Count;
        rig.RunSeconds(1);

        var level = AudioAnalysis.LevelDbm0(heard.ToArray().AsSpan(start));
        Assert.InRange(level, -75, -65);
    }
}
