using Appliance.Telephony.Audio;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Media;
using Appliance.Telephony.Tests.Channels;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Telephony.Tests.Bridging;

/// <summary>
/// Who hears whom in a supervised bridge, proven by tone frequency: the caller speaks 600 Hz, the agent 1400 Hz and the
/// supervisor 2000 Hz, and each party's received audio is measured with Goertzel.
/// </summary>
public sealed class SupervisedBridgeTests : IDisposable
{
    private const double CallerHz = 600;
    private const double AgentHz = 1400;
    private const double SupervisorHz = 2000;

    // A party's tone arrives at -12 dBm0; leakage of absent tones over a one-second block stays far below -50 dBm0.
    // One 20 ms frame of a tone inside a one-second block would read about -29 dBm0, so "absent" means in no frame.
    private const double PresentDbm0 = -20;
    private const double AbsentDbm0 = -50;

    private readonly ManualTimeProvider _time = new();
    private readonly MediaClock _clock;
    private readonly TestChannel _caller;
    private readonly TestChannel _agent;
    private readonly TestChannel _supervisor;
    private readonly FrameTap _tap = new();
    private Bridge? _bridge;

    public SupervisedBridgeTests()
    {
        _clock = new MediaClock(_time, NullLogger<MediaClock>.Instance);
        _clock.Start();
        _caller = Answered("caller", CallerHz);
        _agent = Answered("agent", AgentHz);
        _supervisor = Answered("supervisor", SupervisorHz);
        _clock.Post(() => _bridge = new Bridge(_clock, _caller, _agent, _tap));
        _time.Advance(TimeSpan.FromMilliseconds(100));
    }

    public void Dispose() => _clock.Dispose();

    [Theory]
    [InlineData(SupervisionMode.Listen, new[] { AgentHz }, new[] { CallerHz }, new[] { CallerHz, AgentHz })]
    [InlineData(SupervisionMode.Whisper, new[] { AgentHz }, new[] { CallerHz, SupervisorHz }, new[] { CallerHz, AgentHz })]
    [InlineData(SupervisionMode.Barge, new[] { AgentHz, SupervisorHz }, new[] { CallerHz, SupervisorHz }, new[] { CallerHz, AgentHz })]
    public void Each_party_hears_exactly_the_tones_its_mode_allows(SupervisionMode mode, double[] callerHears, double[] agentHears, double[] supervisorHears)
    {
        var marks = Mark();
        _clock.Post(() => _bridge!.JoinSupervisor(_supervisor, mode));
        _time.Advance(TimeSpan.FromSeconds(1));

        AssertHearsOnly(_caller, Since(_caller, marks.Caller), callerHears);
        AssertHearsOnly(_agent, Since(_agent, marks.Agent), agentHears);
        AssertHearsOnly(_supervisor, Since(_supervisor, marks.Supervisor), supervisorHears);
    }

    [Fact]
    public void Switching_modes_and_leaving_never_let_the_caller_hear_the_supervisor_except_in_barge_and_never_glitch_the_agent_audio()
    {
        var callerFrom = _caller.Heard.Count;
        var tapFrom = _tap.Agent.Count;
        _clock.Post(() => _bridge!.JoinSupervisor(_supervisor, SupervisionMode.Listen));
        _time.Advance(TimeSpan.FromSeconds(1));
        _clock.Post(() => _bridge!.ChangeSupervisionMode(SupervisionMode.Whisper));
        _time.Advance(TimeSpan.FromSeconds(1));
        _clock.Post(() => _bridge!.ChangeSupervisionMode(SupervisionMode.Listen));
        _time.Advance(TimeSpan.FromSeconds(1));
        var agentMark = _agent.Heard.Count;
        _clock.Post(() => _bridge!.RemoveSupervisor());
        _time.Advance(TimeSpan.FromSeconds(1));

        // Through every switch the caller got the agent's voice sample for sample, with nothing added and no frame lost.
        var callerHeard = Since(_caller, callerFrom);
        Assert.Equal(_tap.Agent.Skip(tapFrom).Take(callerHeard.Length), callerHeard);
        Assert.True(ToneAnalysis.PowerDbm0(callerHeard, SupervisorHz) < AbsentDbm0);

        // After the supervisor left, the agent hears the caller alone again, sample for sample, and the supervisor hears nothing.
        var agentAfter = Since(_agent, agentMark);
        var callerVoice = _tap.Caller.Skip(_tap.Caller.Count - agentAfter.Length).ToArray();
        Assert.Equal(callerVoice, agentAfter);
        Assert.Null(_bridge!.Supervisor);
        Assert.Null(_supervisor.Background);
    }

    [Fact]
    public void In_whisper_the_agent_hears_the_saturated_sum_of_caller_and_supervisor_and_the_recording_holds_only_caller_and_agent()
    {
        var tapFrom = _tap.Caller.Count;
        var marks = Mark();
        _clock.Post(() => _bridge!.JoinSupervisor(_supervisor, SupervisionMode.Whisper));
        _time.Advance(TimeSpan.FromSeconds(1));

        var left = _tap.Caller.Skip(tapFrom).ToArray();
        var right = _tap.Agent.Skip(tapFrom).ToArray();
        Assert.True(ToneAnalysis.PowerDbm0(left, SupervisorHz) < AbsentDbm0);
        Assert.True(ToneAnalysis.PowerDbm0(right, SupervisorHz) < AbsentDbm0);
        Assert.True(ToneAnalysis.PowerDbm0(left, CallerHz) > PresentDbm0);
        Assert.True(ToneAnalysis.PowerDbm0(right, AgentHz) > PresentDbm0);

        // The supervisor's voice is what the agent heard minus the caller's: it is a pure 2000 Hz tone.
        var agentHeard = Since(_agent, marks.Agent);
        var supervisorVoice = agentHeard.Select((s, i) => (short)(s - left[^agentHeard.Length..][i])).ToArray();
        Assert.InRange(ToneAnalysis.DominantFrequency(supervisorVoice, 300, 3500, 10), SupervisorHz - 10, SupervisorHz + 10);
    }

    [Fact]
    public void Music_to_a_held_party_overrides_the_mix_and_the_mix_comes_back_on_unhold()
    {
        _clock.Post(() => _bridge!.JoinSupervisor(_supervisor, SupervisionMode.Barge));
        _clock.Post(() => _bridge!.ReplaceAudioTo(_caller, new SineSource(440)));
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var held = _caller.Heard.Count;
        _time.Advance(TimeSpan.FromSeconds(1));
        AssertHearsOnly(_caller, Since(_caller, held), [440]);

        _clock.Post(() => _bridge!.ReplaceAudioTo(_caller, null));
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var resumed = _caller.Heard.Count;
        _time.Advance(TimeSpan.FromSeconds(1));
        AssertHearsOnly(_caller, Since(_caller, resumed), [AgentHz, SupervisorHz]);
    }

    [Fact]
    public void A_second_supervisor_a_leg_as_supervisor_and_a_mode_change_without_one_are_refused()
    {
        var other = Answered("other", 900);
        Exception? twice = null, leg = null, noSupervisor = null;
        _clock.Post(() =>
        {
            noSupervisor = Catch(() => _bridge!.ChangeSupervisionMode(SupervisionMode.Barge));
            leg = Catch(() => _bridge!.JoinSupervisor(_agent, SupervisionMode.Listen));
            _bridge!.JoinSupervisor(_supervisor, SupervisionMode.Listen);
            twice = Catch(() => _bridge!.JoinSupervisor(other, SupervisionMode.Listen));
        });
        _time.Advance(TimeSpan.FromMilliseconds(40));

        Assert.IsType<InvalidOperationException>(noSupervisor);
        Assert.IsType<ArgumentException>(leg);
        Assert.IsType<InvalidOperationException>(twice);
        Assert.Same(_supervisor, _bridge!.Supervisor);
    }

    [Fact]
    public void Splitting_the_bridge_silences_the_supervisor()
    {
        _clock.Post(() => _bridge!.JoinSupervisor(_supervisor, SupervisionMode.Listen));
        _time.Advance(TimeSpan.FromMilliseconds(100));
        _clock.Post(() => _bridge!.Dispose());
        _time.Advance(TimeSpan.FromMilliseconds(100));
        var split = _supervisor.Heard.Count;
        _time.Advance(TimeSpan.FromMilliseconds(200));

        Assert.Null(_supervisor.Background);
        Assert.All(Since(_supervisor, split), s => Assert.Equal(0, s));
    }

    private static Exception? Catch(Action action) => Record.Exception(action);

    private static short[] Since(TestChannel channel, int from) => channel.Heard.Skip(from).ToArray();

    private static void AssertHearsOnly(TestChannel listener, short[] heard, double[] expected)
    {
        foreach (var hz in new[] { CallerHz, AgentHz, SupervisorHz, 440 })
        {
            var level = ToneAnalysis.PowerDbm0(heard, hz);
            if (expected.Contains(hz))
            {
                Assert.True(level > PresentDbm0, $"{listener.Id} should hear {hz} Hz but it is at {level:0.0} dBm0");
            }
            else
            {
                Assert.True(level < AbsentDbm0, $"{listener.Id} must not hear {hz} Hz but it is at {level:0.0} dBm0");
            }
        }
    }

    // Marks where each party's received audio stands, one tick after the change so the measurement starts with it.
    private (int Caller, int Agent, int Supervisor) Mark() => (_caller.Heard.Count + 160, _agent.Heard.Count + 160, _supervisor.Heard.Count + 160);

    private TestChannel Answered(string id, double hz)
    {
        var channel = new TestChannel(id, hz);
        _clock.Register(channel);
        channel.Answer();
        return channel;
    }

    private sealed class FrameTap : IBridgeTap
    {
        public List<short> Caller { get; } = [];

        public List<short> Agent { get; } = [];

        public void OnFrames(ReadOnlySpan<short> legA, ReadOnlySpan<short> legB)
        {
            Caller.AddRange(legA.ToArray());
            Agent.AddRange(legB.ToArray());
        }

        public void Dispose()
        {
        }
    }
}
