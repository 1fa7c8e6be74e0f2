using Appliance.Core.Journal;
using Appliance.Core.Routing;
using Appliance.Core.Tests.Supervision;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Clock;
using Appliance.Telephony.Media;
using static Appliance.Core.Tests.Supervision.SupervisionHarness;

namespace Appliance.Core.Tests.Pci;

/// <summary>
/// A supervisor on a call while the caller keys sensitive digits in-band: in the pause window (and its 400 ms tail) the
/// supervisor's leg, the agent's leg and the supervision recording carry no DTMF and none of the caller's voice; before and
/// after it they hear the caller, keys included. No configured flow today runs a sensitive node while the caller is bridged
/// (a blind transfer goes to an agent or a queue, never back to a menu), so the pause is opened and released here through
/// the call's own <see cref="CallSession.BeginPciPause"/> / <see cref="CallSession.EndPciPause"/>, the calls the identify
/// and sensitive collect nodes make, on the media loop as they do.
/// </summary>
public sealed class PciPauseSupervisionTests : IDisposable
{
    private const int SamplesPerMs = 8;

    // Loud enough that a key still carries the share of the energy the detector asks for when mixed with another party's
    // voice (-12 dBm0), as the supervisor hears it; quiet enough that the mix does not clip.
    private const double KeyLevelDbm0 = -5;
    private static readonly TimeSpan KeyGap = TimeSpan.FromMilliseconds(250);

    // The tones of the keys keyed in the pause (4, 3, 2, 1): rows 770 and 697 Hz, columns 1209, 1336 and 1477 Hz.
    private static readonly double[] DtmfHz = [697, 770, 1209, 1336, 1477];
    private readonly SupervisionHarness _box = new();

    public void Dispose() => _box.Dispose();

    [Theory]
    [InlineData(SupervisionMode.Listen)]
    [InlineData(SupervisionMode.Whisper)]
    [InlineData(SupervisionMode.Barge)]
    public async Task The_supervisor_and_the_agent_hear_no_keys_and_no_caller_in_the_pause_window_and_hear_both_outside_it(SupervisionMode mode)
    {
        var caller = ConnectedInBandCaller();
        var call = _box.Calls.CallCenter.ActiveCalls.Single();
        var info = await _box.Start(mode);
        var supervisor = _box.Supervisor.Heard;
        var agent = _box.Agent.Heard;

        // Before: the caller talks, then keys 9.
        var beforeFrom = (supervisor.Count, agent.Count);
        _box.Calls.Run(TimeSpan.FromMilliseconds(500));
        Keys(caller, "9");
        _box.Calls.Run(TimeSpan.FromMilliseconds(500));

        // The pause: opened as a node opens it, card digits keyed, released; then the tail.
        OnLoop(() => call.BeginPciPause("pci", "identify"));
        var pausedFrom = (supervisor.Count, agent.Count);
        Keys(caller, "4321");

        // The release lands in the next tick, and the tail runs from there: the window ends one frame short of it.
        var tail = ((int)MediaPrivacy.ReleaseTail.TotalMilliseconds - 20) * SamplesPerMs;
        var tailEnds = (supervisor.Count + tail, agent.Count + tail);
        OnLoop(() => call.EndPciPause("pci", "identify"));
        _box.Calls.Run(MediaPrivacy.ReleaseTail + TimeSpan.FromMilliseconds(100));

        // After: the caller talks again and keys 7.
        var afterFrom = (supervisor.Count, agent.Count);
        Assert.True(afterFrom.Item1 >= tailEnds.Item1 && afterFrom.Item2 >= tailEnds.Item2);
        Keys(caller, "7");
        _box.Calls.Run(TimeSpan.FromMilliseconds(500));
        var afterTo = (supervisor.Count, agent.Count);
        await _box.Settle(_box.Service.StopAsync(info.Id));
        _box.Calls.Clock.Post(caller.CallerHangsUp);
        var detail = _box.Calls.WaitForFinished().Detail;

        // Who else each one hears meanwhile: the supervisor the agent; the agent the supervisor, unless only listened to.
        double? agentAlsoHears = mode == SupervisionMode.Listen ? null : SupervisorHz;
        foreach (var (who, heard, before, paused, tailEnd, after, end, alsoHears) in new[]
        {
            ("the supervisor", supervisor, beforeFrom.Item1, pausedFrom.Item1, tailEnds.Item1, afterFrom.Item1, afterTo.Item1, (double?)AgentHz),
            ("the agent", agent, beforeFrom.Item2, pausedFrom.Item2, tailEnds.Item2, afterFrom.Item2, afterTo.Item2, agentAlsoHears),
        })
        {
            short[] window = [.. heard.Skip(paused).Take(tailEnd - paused)];
            Assert.Equal("", DtmfScan.Keys(window));
            Assert.All(DtmfHz, hz => Assert.True(ToneAnalysis.PowerDbm0(window, hz) < -50, $"{who} got {hz} Hz in the pause"));
            Assert.True(ToneAnalysis.PowerDbm0(window, CallerHz) < -50, $"{who} heard the caller's voice in the pause");
            Assert.True(alsoHears is not { } hz || ToneAnalysis.PowerDbm0(window, hz) > -20, $"{who} should still hear {alsoHears} Hz in the pause");
            short[] beforeWindow = [.. heard.Skip(before).Take(paused - before)];
            short[] afterWindow = [.. heard.Skip(after).Take(end - after)];
            Assert.Equal("9", DtmfScan.Keys(beforeWindow));
            Assert.Equal("7", DtmfScan.Keys(afterWindow));
            Assert.True(ToneAnalysis.PowerDbm0(beforeWindow, CallerHz) > -20, $"{who} should hear the caller before the pause");
            Assert.True(ToneAnalysis.PowerDbm0(afterWindow, CallerHz) > -20, $"{who} should hear the caller after the pause");
        }

        // The supervision recording (what each party heard) has the keys outside the pause and none of those inside it.
        var heardFile = WavReader.Read(Assert.Single(detail.SupervisionRecordings!).Path);
        Assert.Equal("97", DtmfScan.Keys(heardFile.Channel(1)));
        Assert.Equal("97", DtmfScan.Keys(heardFile.Channel(2)));
        Assert.Equal([CallEventKinds.PciPauseStart, CallEventKinds.PciPauseEnd], _box.Calls.Journal.KindsFor(detail.CallId).Where(k => k.StartsWith("PCI", StringComparison.Ordinal)));
    }

    private InBandCaller ConnectedInBandCaller()
    {
        var caller = new InBandCaller("inband/1", "13800138000", CallerHz, KeyLevelDbm0);
        _box.Calls.Clock.Register(caller);
        _box.Calls.Clock.Post(() => _box.Calls.Source.Ring(caller, 1));
        _box.Calls.Run(TimeSpan.FromMilliseconds(60));
        Keys(caller, "1");
        Assert.True(_box.Calls.Time.AdvanceUntil(() => _box.Calls.Supervisable.Agents.Contains("1001"), TimeSpan.FromSeconds(30)), "the agent never took the call");
        return caller;
    }

    private void Keys(InBandCaller caller, string keys)
    {
        foreach (var key in keys)
        {
            _box.Calls.Clock.Post(() => caller.Key(key));
            _box.Calls.Run(KeyGap);
        }
    }

    // Runs on the media loop, where the nodes run, and lets it take effect before the next tick's audio.
    private void OnLoop(Action action)
    {
        _box.Calls.Clock.Post(action);
        _box.Calls.Run(MediaClock.TickInterval);
    }
}
