using Appliance.Drivers.Simulated.Tests.Support;
using Appliance.Hal.Lines;

namespace Appliance.Drivers.Simulated.Tests.Exchange;

public sealed class DisconnectTests
{
    public static TheoryData<string, double, double, int> BusyTones => new()
    {
        { "CN", 450, 0, 350 },
        { "US", 480, 620, 500 },
        { "GB", 425, 0, 375 },
        { "EU", 425, 0, 500 },
    };

    [Theory]
    [MemberData(nameof(BusyTones))]
    public void Far_end_hangup_gives_the_country_busy_tone_in_cadence(string country, double f1, double f2, int halfCycleMs)
    {
        using var rig = new SimRig(o =>
        {
            o.Country = country;
            o.DisconnectSignal = DisconnectSignal.BusyTone;
        });
        var call = rig.Answered();
        var heard = rig.Listen(1);
        call.HangUpNow();
        rig.RunSeconds(4);

        Assert.Equal(SimulatedCallEndReason.FarEndHungUp, call.EndReason);
        var audio = heard.ToArray();
        var runs = AudioAnalysis.Cadence(audio);
        var whole = runs.Skip(1).Take(runs.Count - 2).ToList(); // first and last runs are cut by the window
        Assert.True(whole.Count >= 4, $"only {whole.Count} whole cadence runs");
        Assert.All(whole, run => Assert.InRange(run.Milliseconds, halfCycleMs - 10, halfCycleMs + 10));

        var firstOn = audio.AsSpan(AudioAnalysis.FirstAbove(audio, 200), halfCycleMs * 8 - 160);
        Assert.True(AudioAnalysis.ToneDbm0(firstOn, f1) > -30, $"{f1} Hz missing from busy tone");
        if (f2 > 0)
        {
            Assert.True(AudioAnalysis.ToneDbm0(firstOn, f2) > -30, $"{f2} Hz missing from busy tone");
        }

        Assert.True(AudioAnalysis.ToneDbm0(firstOn, 1000) < -50);
        Assert.Equal(LinePolarity.Normal, rig.Port(1).Polarity);
    }

    [Fact]
    public void Busy_tone_continues_while_the_box_stays_off_hook()
    {
        using var rig = new SimRig();
        var call = rig.Answered();
        call.HangUpNow();
        rig.RunSeconds(30);
        var heard = rig.Listen(1);
        rig.RunSeconds(2);

        Assert.True(AudioAnalysis.ToneDbm0(heard.ToArray(), 450) > -25);
    }

    [Fact]
    public void Polarity_reversal_only_reverses_and_stays_quiet()
    {
        using var rig = new SimRig(o => o.DisconnectSignal = DisconnectSignal.PolarityReversal);
        var call = rig.Answered();
        var log = rig.Record(1);
        var heard = rig.Listen(1);
        call.HangUpNow();
        rig.RunSeconds(2);

        Assert.Equal([LineSignal.PolarityReversed], log.Signals);
        Assert.Equal(LinePolarity.Reversed, rig.Port(1).Polarity);
        Assert.True(AudioAnalysis.LevelDbm0(heard.ToArray()) < -55, "no tone expected with polarity reversal only");
    }

    [Fact]
    public void Both_reverses_polarity_and_plays_busy_tone_then_on_hook_restores_idle_polarity()
    {
        using var rig = new SimRig(o => o.DisconnectSignal = DisconnectSignal.Both);
        var call = rig.Answered();
        var log = rig.Record(1);
        var heard = rig.Listen(1);
        var hangUpAt = rig.Time.GetUtcNow();
        call.HangUpNow();
        rig.RunSeconds(1);

        Assert.Equal(hangUpAt + SimRig.Frame, Assert.Single(log.Events).At);
        Assert.Equal(LinePolarity.Reversed, rig.Port(1).Polarity);
        Assert.True(AudioAnalysis.ToneDbm0(heard.ToArray(), 450) > -25);

        rig.Port(1).SetHook(LineHookState.OnHook);
        rig.Frames(1);
        Assert.Equal(LinePolarity.Normal, rig.Port(1).Polarity);
        Assert.Equal([LineSignal.PolarityReversed, LineSignal.PolarityReversed], log.Signals);
        Assert.Null(rig.Exchange.ActiveCall(1));
    }

    [Fact]
    public void After_hanging_up_the_line_takes_a_new_call()
    {
        using var rig = new SimRig();
        var first = rig.Answered();
        first.HangUpNow();
        rig.Frames(5);
        rig.Port(1).SetHook(LineHookState.OnHook);
        rig.Frames(1);

        var second = rig.Answered();
        Assert.Equal(SimulatedCallState.Connected, second.State);
        Assert.Equal([first, second], rig.Exchange.CallsOnPort(1));
    }
}
