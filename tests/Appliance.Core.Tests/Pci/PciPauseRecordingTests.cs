using Appliance.Core.Journal;
using Appliance.Core.Tests.SelfServiceNodes;
using Appliance.Storage;
using Appliance.Telephony.Media;

namespace Appliance.Core.Tests.Pci;

/// <summary>
/// A call recorded from answer whose caller keys in-band: the menu key before identify is in the file (the project's DTMF
/// detector finds it), the card number and PIN keyed during identify are not (silence, no digit), and the pause windows
/// stored with the recording cover every sensitive key.
/// </summary>
[Collection(SelfServiceCollection.Name)]
public sealed class PciPauseRecordingTests
{
    private const int SamplesPerMs = 8;

    [Fact]
    public void Card_and_pin_keyed_in_band_are_silence_in_the_recording_while_the_menu_key_before_is_heard()
    {
        using var scenario = new PciScenario();
        var detail = RunIdentifiedCall(scenario);

        var recording = detail.Recording!;
        var wav = WavReader.Read(recording.Path);
        var (left, right) = (wav.Channel(0), wav.Channel(1));
        var windows = recording.PciPauses.Select(p => (Start: p.StartMilliseconds, End: p.EndMilliseconds)).ToList();
        Assert.NotEmpty(windows);

        // Where the keys are in the file: each card and PIN key inside a window, tone and all; the menu key's tone before
        // every window (the pause for identify starts once that key is recognised, so it cuts only the key's tail).
        var toneMs = InBandCaller.ToneFrames * 20;
        var offsets = scenario.Keyed.Select(k => (k.Key, Ms: (long)(k.At - recording.StartedAt).TotalMilliseconds)).ToList();
        Assert.Equal('1', offsets[0].Key);
        Assert.All(windows, w => Assert.True(w.Start >= offsets[0].Ms + (InBandCaller.DetectAfterFrames * 20), $"{w} vs {offsets[0]}"));
        Assert.All(offsets.Skip(1), k => Assert.Contains(windows, w => w.Start <= k.Ms && k.Ms + toneMs + 20 <= w.End));

        // Inside the windows: linear 0 on both channels, and the detector finds no digit.
        foreach (var (start, end) in windows)
        {
            var range = new Range((int)(start * SamplesPerMs), (int)(end * SamplesPerMs));
            Assert.All(left[range], s => Assert.Equal(0, s));
            Assert.All(right[range], s => Assert.Equal(0, s));
            Assert.Equal("", DtmfScan.Keys(left[range]));
        }

        // Outside them the same detector over the same file finds the menu key, and only it: it works on this file.
        Assert.Equal("1", string.Concat(Outside(windows, left.Length).Select(r => DtmfScan.Keys(left[r]))));
        Assert.Equal("1" + FakeCoreBank.Card + "#" + FakeCoreBank.Pin, string.Concat(scenario.Keyed.Select(k => k.Key)));

        var kinds = scenario.Harness.Journal.KindsFor(detail.CallId).ToList();
        Assert.Equal(1, kinds.Count(k => k == CallEventKinds.RecordingStart));
        Assert.Equal(1, kinds.Count(k => k == CallEventKinds.RecordingEnd));
        Assert.Equal(2, kinds.Count(k => k == CallEventKinds.PciPauseStart));
        Assert.True(kinds.IndexOf(CallEventKinds.RecordingStart) < kinds.IndexOf(CallEventKinds.PciPauseStart));
    }

    /// <summary>Keys through the menu and identify, talks 3 s with the agent, hangs up; returns the finished call.</summary>
    internal static CallDetail RunIdentifiedCall(PciScenario scenario)
    {
        var caller = scenario.Call();
        scenario.KeyThroughIdentify(caller);
        Assert.True(scenario.StepUntil(() => scenario.Active.Agent is not null, TimeSpan.FromSeconds(20)),
            string.Join("\n", scenario.Harness.Journal.Events.Select(e => e.Kind + " " + e.Data)));
        Assert.Equal(FakeCoreBank.Customer, scenario.Active.Customer);
        scenario.Step(TimeSpan.FromSeconds(3));
        scenario.Harness.Clock.Post(caller.CallerHangsUp);
        return scenario.Harness.WaitForFinished().Detail;
    }

    private static IEnumerable<Range> Outside(List<(long Start, long End)> windows, int length)
    {
        var from = 0;
        foreach (var (start, end) in windows)
        {
            yield return new Range(from, (int)(start * SamplesPerMs));
            from = (int)(end * SamplesPerMs);
        }

        yield return new Range(from, length);
    }
}
