using Appliance.Drivers.Simulated.Tests.Support;
using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Tests.Lines;

/// <summary>
/// What every <see cref="IAnalogLinePort"/> must do, whatever drives it. Derive, supply a
/// <see cref="LinePortHarness"/>, and these facts run against that implementation.
/// </summary>
public abstract class LinePortContractTests : IDisposable
{
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(LineAudio.FrameMilliseconds);
    private readonly short[] _frame = new short[LineAudio.FrameSamples];
    private LinePortHarness? _harness;

    /// <summary>The harness of the current test, made on first use.</summary>
    protected LinePortHarness Harness => _harness ??= CreateHarness();

    private IAnalogLinePort Port => Harness.Port;

    [Fact]
    public void A_new_port_is_idle_on_hook_with_line_voltage()
    {
        Assert.True(Port.PortNumber >= 1);
        Assert.Equal(LineHookState.OnHook, Port.HookState);
        Assert.False(Port.IsRinging);
        Assert.True(Port.HasLineVoltage);
        Assert.Equal(LinePolarity.Normal, Port.Polarity);
    }

    [Fact]
    public void An_incoming_call_rings_in_cadence_order()
    {
        var log = new SignalLog(Port);
        Harness.StartIncomingCall();
        var cycleFrames = (int)(Harness.RingCycle / Frame);
        for (var i = 0; i < (cycleFrames * 5 / 2) + 2; i++)
        {
            Step();
            var ringSignals = log.Signals.Where(IsRingSignal).ToList();
            var expectRinging = ringSignals.Count > 0 && ringSignals[^1] == LineSignal.RingStarted;
            Assert.Equal(expectRinging, Port.IsRinging);
        }

        var rings = log.Events.Where(e => IsRingSignal(e.Signal)).ToList();
        Assert.True(rings.Count(e => e.Signal == LineSignal.RingStarted) >= 3, "expected at least three ring bursts in 2.5 cycles");
        for (var i = 0; i < rings.Count; i++)
        {
            Assert.Equal(i % 2 == 0 ? LineSignal.RingStarted : LineSignal.RingStopped, rings[i].Signal);
            Assert.Equal(Port.PortNumber, rings[i].PortNumber);
            Assert.True(i == 0 || rings[i].At > rings[i - 1].At, "ring events must move forward in time");
        }
    }

    [Fact]
    public void Going_off_hook_stops_the_ringing()
    {
        var log = new SignalLog(Port);
        Harness.StartIncomingCall();
        StepUntil(() => Port.IsRinging, Harness.RingCycle);

        Port.SetHook(LineHookState.OffHook);
        Step();
        var eventsAtAnswer = log.Events.Count;
        Assert.False(Port.IsRinging);
        Assert.Equal(LineSignal.RingStopped, log.Signals.Last(IsRingSignal));

        Step((int)(Harness.RingCycle / Frame) * 2);
        Assert.False(Port.IsRinging);
        Assert.DoesNotContain(log.Events.Skip(eventsAtAnswer), e => e.Signal == LineSignal.RingStarted);
    }

    [Fact]
    public void Frames_from_the_box_reach_the_far_end_in_order_without_loss()
    {
        Answer();
        var frames = Enumerable.Range(0, 60).Select(PatternFrame).ToArray();

        // Bursty writes, never more than the one-second backlog ahead of the line.
        WriteFrames(frames[..30]);
        Step(10);
        WriteFrames(frames[30..50]);
        Step(10);
        WriteFrames(frames[50..]);
        Step(50);

        var expected = frames.SelectMany(f => f).ToArray();
        var heard = Harness.FarEndHeard();
        var start = heard.AsSpan().IndexOf(expected.AsSpan()[..LineAudio.FrameSamples]);
        Assert.True(start >= 0, "the far end never heard the first frame");
        Assert.True(heard.Length - start >= expected.Length, $"the far end heard {heard.Length - start} of {expected.Length} samples");
        AssertSameAudio(expected, heard.AsSpan(start, expected.Length));
    }

    [Fact]
    public void Frames_from_the_far_end_reach_the_box_in_order_without_loss()
    {
        Answer();
        var pattern = Enumerable.Range(0, 2 * LineAudio.SampleRate).Select(i => (short)(((i * 7919) % 30_000) - 15_000)).ToArray();
        Harness.FarEndSends(pattern);

        var heard = new List<short>();
        Step(20, heard);
        Harness.Advance(Frame * 25); // the box stalls for half a second without reading: the port must keep the backlog
        Step(100, heard);

        var position = heard.ToArray().AsSpan().IndexOf(pattern.AsSpan(0, 64));
        Assert.True(position >= 0, "the box never received the start of the far end's audio");
        Assert.True(heard.Count - position >= pattern.Length, $"the box received {heard.Count - position} of {pattern.Length} samples");
        AssertSameAudio(pattern, heard.ToArray().AsSpan(position, pattern.Length));
    }

    [Fact]
    public void Writes_while_on_hook_are_ignored()
    {
        var early = PatternFrame(7);
        for (var i = 0; i < 10; i++)
        {
            Port.WriteFrame(early);
        }

        Answer();
        Step(20);
        Assert.True(Harness.FarEndHeard().AsSpan().IndexOf(early.AsSpan(0, 32)) < 0, "audio written on hook reached the far end");
    }

    [Fact]
    public void A_dead_line_reports_lost_voltage_and_carries_no_audio_until_restored()
    {
        var log = new SignalLog(Port);
        Harness.KillLine();
        Step(2);
        Assert.False(Port.HasLineVoltage);
        Assert.Equal([LineSignal.LineVoltageLost], log.Signals);

        Port.SetHook(LineHookState.OffHook);
        var heard = new List<short>();
        Step(25, heard);
        Assert.True(AudioAnalysis.LevelDbm0(heard.ToArray()) < -55, "a dead line must be silent");

        Harness.RestoreLine();
        Step(2);
        Assert.True(Port.HasLineVoltage);
        Assert.Equal([LineSignal.LineVoltageLost, LineSignal.LineVoltageRestored], log.Signals);
    }

    [Fact]
    public void A_far_end_hangup_is_signalled_by_polarity_reversal_or_tone()
    {
        Answer();
        var log = new SignalLog(Port);
        Harness.FarEndHangsUp();
        var heard = new List<short>();
        Step(100, heard);

        var reversed = log.Signals.Contains(LineSignal.PolarityReversed);
        var lastSecond = heard.Skip(Math.Max(0, heard.Count - LineAudio.SampleRate)).ToArray();
        var toneLevel = AudioAnalysis.LevelDbm0(lastSecond);
        Assert.True(reversed || toneLevel > -40, $"no disconnect signal: no polarity reversal and line level {toneLevel:F1} dBm0");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(LineAudio.FrameSamples - 1)]
    [InlineData(LineAudio.FrameSamples + 1)]
    public void Frames_of_the_wrong_size_are_refused(int length)
    {
        Answer();
        var wrong = new short[length];
        var writeError = Assert.Throws<ArgumentException>(() => Port.WriteFrame(wrong));
        Assert.Contains(LineAudio.FrameSamples.ToString(System.Globalization.CultureInfo.InvariantCulture), writeError.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Port.TryReadFrame(wrong));
        Assert.Equal(LineHookState.OffHook, Port.HookState);
    }

    [Fact]
    public void An_undefined_hook_state_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Port.SetHook((LineHookState)42));
        Assert.Equal(LineHookState.OnHook, Port.HookState);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Makes the harness for one test.</summary>
    protected abstract LinePortHarness CreateHarness();

    /// <summary>Compares audio that went through the line; exact by default, a lossy line may override with a tolerance.</summary>
    protected virtual void AssertSameAudio(ReadOnlySpan<short> expected, ReadOnlySpan<short> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (expected[i] != actual[i])
            {
                Assert.Fail($"Sample {i} differs: expected {expected[i]}, got {actual[i]}.");
            }
        }
    }

    /// <summary>Disposes the harness.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _harness?.Dispose();
        }
    }

    private static bool IsRingSignal(LineSignal signal) => signal is LineSignal.RingStarted or LineSignal.RingStopped;

    private static short[] PatternFrame(int index)
        => [.. Enumerable.Range(0, LineAudio.FrameSamples).Select(j => (short)((index * 211) + (j * 13) - 8000))];

    private void Answer()
    {
        Harness.StartIncomingCall();
        StepUntil(() => Port.IsRinging, Harness.RingCycle);
        Port.SetHook(LineHookState.OffHook);
        Step();
    }

    private void WriteFrames(IEnumerable<short[]> frames)
    {
        foreach (var frame in frames)
        {
            Port.WriteFrame(frame);
        }
    }

    /// <summary>Lets <paramref name="frames"/> ticks pass; the box reads everything ready after each into <paramref name="into"/>, or discards it.</summary>
    private void Step(int frames = 1, List<short>? into = null)
    {
        for (var i = 0; i < frames; i++)
        {
            Harness.Advance(Frame);
            while (Port.TryReadFrame(_frame))
            {
                into?.AddRange(_frame);
            }
        }
    }

    private void StepUntil(Func<bool> condition, TimeSpan limit)
    {
        for (var elapsed = TimeSpan.Zero; elapsed <= limit; elapsed += Frame)
        {
            if (condition())
            {
                return;
            }

            Step();
        }

        Assert.Fail($"Condition not met within {limit}.");
    }
}
