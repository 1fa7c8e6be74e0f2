using Appliance.Drivers.Simulated.Tests.Support;
using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Tests.Exchange;

public sealed class AudioBufferTests
{
    [Fact]
    public void A_box_that_stops_reading_keeps_the_newest_second_and_counts_the_rest()
    {
        using var rig = new SimRig();
        var call = rig.Answered();
        var ramp = Enumerable.Range(0, 3 * LineAudio.SampleRate).Select(i => (short)(i % 20_000)).ToArray();
        call.PlaySamples(ramp);
        rig.Port(1).TryReadFrame(new short[LineAudio.FrameSamples]);
        while (rig.Port(1).TryReadFrame(new short[LineAudio.FrameSamples]))
        {
        }

        rig.Time.Advance(TimeSpan.FromSeconds(2)); // the box reads nothing for two seconds

        Assert.Equal(SimulatedLinePort.BufferFrames, rig.Port(1).FramesReady);
        Assert.Equal(50, rig.Port(1).ReceiveOverruns);
        var frame = new short[LineAudio.FrameSamples];
        Assert.True(rig.Port(1).TryReadFrame(frame));
        Assert.Equal(ramp[(50 * LineAudio.FrameSamples) % ramp.Length], frame[0]);
    }

    [Fact]
    public void A_box_that_writes_faster_than_the_line_loses_the_oldest_frames()
    {
        using var rig = new SimRig();
        var call = rig.Answered();
        for (var i = 0; i < 70; i++)
        {
            rig.Port(1).WriteFrame(Enumerable.Repeat((short)i, LineAudio.FrameSamples).ToArray());
        }

        rig.RunSeconds(2);

        Assert.Equal(20, rig.Port(1).TransmitOverruns);
        var heard = call.ReceivedAudio.ToArray();
        Assert.Equal(50 * LineAudio.FrameSamples, heard.Length);
        Assert.Equal(20, heard[0]);
        Assert.Equal(69, heard[^1]);
    }

    [Fact]
    public void Received_audio_is_exactly_what_the_box_sent_and_stops_at_its_limit()
    {
        using var rig = new SimRig(o => o.ReceivedAudioLimitSeconds = 1);
        var call = rig.Answered();
        var sent = new List<short>();
        for (var i = 0; i < 75; i++)
        {
            var frame = Enumerable.Range(0, LineAudio.FrameSamples).Select(j => (short)((i * 100) + j)).ToArray();
            sent.AddRange(frame);
            rig.Port(1).WriteFrame(frame);
            rig.Frames(1);
        }

        Assert.Equal(LineAudio.SampleRate, call.ReceivedAudio.SampleCount);
        Assert.Equal(LineAudio.SampleRate, call.ReceivedAudio.LimitSamples);
        Assert.True(call.ReceivedAudio.Truncated);
        Assert.Equal(TimeSpan.FromSeconds(1), call.ReceivedAudio.Duration);
        Assert.Equal(sent.Take(LineAudio.SampleRate), call.ReceivedAudio.ToArray());

        var middle = new short[500];
        Assert.Equal(500, call.ReceivedAudio.CopyTo(7500, middle));
        Assert.Equal(sent.Skip(7500).Take(500), middle);
        Assert.Equal(100, call.ReceivedAudio.CopyTo(7900, middle));
        Assert.Throws<ArgumentOutOfRangeException>(() => call.ReceivedAudio.CopyTo(8001, middle));
    }

    [Fact]
    public void Nothing_the_box_sends_before_answer_or_after_the_far_end_left_is_kept()
    {
        using var rig = new SimRig();
        var call = rig.Exchange.PlaceCall(1, new SimulatedCallRequest());
        rig.Frames(3);
        rig.Port(1).WriteFrame(new short[LineAudio.FrameSamples]);
        rig.Port(1).SetHook(LineHookState.OffHook);
        rig.Frames(1);
        Assert.Equal(0, call.ReceivedAudio.SampleCount);

        call.HangUpNow();
        rig.Frames(1);
        rig.Port(1).WriteFrame(new short[LineAudio.FrameSamples]);
        rig.Frames(3);
        Assert.Equal(0, call.ReceivedAudio.SampleCount);
    }
}
