using Appliance.Core.Acd;
using Appliance.Core.Ivr;
using Appliance.Core.Tests.Fakes;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Clock;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Core.Tests.Agents;

/// <summary>
/// *50–*53 from an agent's phone: the state changes, the phone is answered, hears a confirmation (or a refusal) and is
/// hung up; on the media clock, driven by the manual time.
/// </summary>
public sealed class AgentFeatureCodesTests : IDisposable
{
    private readonly AgentFixture _agents = new();
    private readonly MediaClock _clock;
    private readonly string _prompts = System.IO.Directory.CreateTempSubdirectory("feature-prompts-").FullName;
    private readonly AgentFeatureCodes _codes;

    public AgentFeatureCodesTests()
    {
        _clock = new MediaClock(_agents.Time, NullLogger<MediaClock>.Instance);
        var options = Options.Create(new CallCenterOptions { PromptsDirectory = _prompts });
        var library = new PromptLibrary(options, new CallCenterPaths(_prompts, _prompts), NullLogger<PromptLibrary>.Instance);
        _codes = new AgentFeatureCodes(_agents.Roster, _agents.Directory, library, NullLogger<AgentFeatureCodes>.Instance);
        _clock.Start();
    }

    public void Dispose()
    {
        _clock.Dispose();
        System.IO.Directory.Delete(_prompts, recursive: true);
    }

    [Fact]
    public void Star_53_and_a_reason_pauses_the_agent_then_the_phone_hears_two_beeps_and_is_hung_up()
    {
        var phone = Place("1002", "*5312");

        Assert.Equal(AgentStatus.NotReady, _agents.Roster.StatusOf("1002"));
        Assert.Equal("12", _agents.Roster.StateOf("1002")!.PauseReason);
        Assert.Equal(ChannelState.Down, phone.State);
        Assert.InRange(phone.LoudFramesHeard, 19, 21); // 2 × 200 ms of 1000 Hz
        Assert.True(_codes.WhenIdle().IsCompleted);
    }

    [Theory]
    [InlineData("*51", AgentStatus.LoggedOut)]
    [InlineData("*50", AgentStatus.Available)]
    public void Star_51_logs_out_and_star_50_logs_in(string code, AgentStatus expected)
    {
        _agents.Roster.Apply("1002", AgentCommand.Pause, "1", "test");

        var phone = Place("1002", code);

        Assert.Equal(expected, _agents.Roster.StatusOf("1002"));
        Assert.Equal(ChannelState.Down, phone.State);
    }

    [Fact]
    public void Star_52_makes_a_paused_agent_ready()
    {
        _agents.Roster.Apply("1002", AgentCommand.Pause, "1", "test");

        Place("1002", "*52");

        Assert.Equal(AgentStatus.Available, _agents.Roster.StatusOf("1002"));
    }

    [Theory]
    [InlineData("*539")]
    [InlineData("*53")]
    [InlineData("*53123")]
    [InlineData("*59")]
    [InlineData("*5")]
    public void An_unknown_code_or_reason_changes_nothing_and_is_answered_with_the_refusal_tone(string code)
    {
        var before = _agents.Roster.States();
        var mark = _agents.Mark();

        var phone = Place("1002", code);

        Assert.Equal(before, _agents.Roster.States());
        Assert.Empty(_agents.Since(mark));
        Assert.Equal(ChannelState.Down, phone.State);
        Assert.InRange(phone.LoudFramesHeard, 36, 39); // 3 × 250 ms of 480 + 620 Hz
    }

    [Theory]
    [InlineData("1002", "1001")]
    [InlineData("1002", "013800138000")]
    [InlineData("1002", "")]
    [InlineData("9999", "*50")]
    public void Anything_but_a_feature_code_from_an_agent_s_phone_is_refused_with_403_and_not_answered(string phoneUser, string dialled)
    {
        var decision = _codes.Route(phoneUser, dialled);

        Assert.Null(decision.Handler);
        Assert.Equal(403, decision.StatusCode);
    }

    [Fact]
    public void An_agent_who_hangs_up_during_the_confirmation_keeps_the_change()
    {
        var decision = _codes.Route("1002", "*51");
        var phone = new FakeCallerChannel("phone/1", "1002");
        _clock.Register(phone);
        _clock.Post(() => decision.Handler!(phone));
        _agents.Time.Advance(TimeSpan.FromMilliseconds(100));

        _clock.Post(phone.CallerHangsUp);
        _agents.Time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(AgentStatus.LoggedOut, _agents.Roster.StatusOf("1002"));
        Assert.True(_codes.WhenIdle().IsCompleted);
    }

    private FakeCallerChannel Place(string phoneUser, string dialled)
    {
        var phone = new FakeCallerChannel("phone/" + dialled, phoneUser);
        _clock.Register(phone);
        _clock.Post(() => _codes.Route(phoneUser, dialled).Handler!(phone));
        for (var i = 0; i < 150 && phone.State != ChannelState.Down; i++)
        {
            _agents.Time.Advance(MediaClock.TickInterval);
        }

        return phone;
    }
}
