using Appliance.Core.Acd;
using Appliance.Core.Directory;
using Appliance.Core.Ivr;
using Appliance.Core.Journal;
using Appliance.Core.Supervision;
using Appliance.Core.Tests.Fakes;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Media;
using Appliance.Telephony.Sip;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Appliance.Core.Tests.Supervision.SupervisionHarness;

namespace Appliance.Core.Tests.Supervision;

/// <summary>
/// *60/*61/*62 and an extension keyed on a supervisor's SIP phone, on the manual clock: the phone's call joins the
/// agent's call at once, its keys 4/5/6 switch the mode, and who heard what is proven by tone (caller 600 Hz, agent
/// 1400 Hz, supervisor 2000 Hz). A phone that may not supervise hears the refusal tone and is logged.
/// </summary>
public sealed class SupervisorFeatureCodeTests : IDisposable
{
    private readonly SupervisionHarness _box = new("sip:2001");
    private readonly RecordingLogger<SupervisorFeatureCodes> _log = new();
    private readonly SupervisorFeatureCodes _codes;
    private int _phones;

    public SupervisorFeatureCodeTests()
    {
        var directory = (InMemoryDirectory)_box.Calls.Directory;
        directory.AgentList.Add(new AgentDefinition("1003", "Zhao Lei", "sip:1003")); // an agent with a SIP phone, no supervisor
        var prompts = new PromptLibrary(
            Options.Create(new CallCenterOptions { PromptsDirectory = Path.Combine(_box.Calls.Root, "prompts") }),
            new CallCenterPaths(_box.Calls.Root, _box.Calls.Root),
            NullLogger<PromptLibrary>.Instance);
        var agentCodes = new AgentFeatureCodes(_box.Calls.Roster, directory, prompts, NullLogger<AgentFeatureCodes>.Instance);
        _codes = new SupervisorFeatureCodes(agentCodes, _box.Service, directory, _log);
    }

    public void Dispose() => _box.Dispose();

    [Fact]
    public void Star_61_whispers_then_the_keys_6_and_4_barge_and_listen_and_hanging_up_ends_it()
    {
        var caller = _box.ConnectedCaller();

        var phone = Dial("2001", "*611001");

        Assert.Equal(ChannelState.Up, phone.State);
        var (toCaller, toAgent, toSupervisor) = Listen(caller, phone);
        AssertHearsOnly("the caller in whisper", toCaller, AgentHz);
        AssertHearsOnly("the agent in whisper", toAgent, CallerHz, SupervisorHz);
        AssertHearsOnly("the supervisor", toSupervisor, CallerHz, AgentHz);

        phone.Press('6');
        (toCaller, toAgent, _) = Listen(caller, phone);
        AssertHearsOnly("the caller in barge", toCaller, AgentHz, SupervisorHz);
        AssertHearsOnly("the agent in barge", toAgent, CallerHz, SupervisorHz);

        phone.Press('4');
        (toCaller, toAgent, _) = Listen(caller, phone);
        AssertHearsOnly("the caller in listen", toCaller, AgentHz);
        AssertHearsOnly("the agent in listen", toAgent, CallerHz);

        phone.Press('9'); // not a mode key: nothing changes
        _box.Calls.Clock.Post(phone.CallerHangsUp);
        _box.Calls.Run(TimeSpan.FromMilliseconds(100));
        (toCaller, toAgent, _) = Listen(caller, phone);
        AssertHearsOnly("the caller after", toCaller, AgentHz);
        AssertHearsOnly("the agent after", toAgent, CallerHz);

        var events = _box.Calls.Journal.Events.Where(e => e.Kind.StartsWith("SUPERVISE_", StringComparison.Ordinal)).ToList();
        Assert.Equal([CallEventKinds.SuperviseStart, CallEventKinds.SuperviseMode, CallEventKinds.SuperviseMode, CallEventKinds.SuperviseEnd], events.Select(e => e.Kind));
        Assert.Contains("\"mode\":\"whisper\"", events[0].Data, StringComparison.Ordinal);
        Assert.Contains("\"supervisor\":\"2001\"", events[0].Data, StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"barge\",\"previous\":\"whisper\",\"by\":\"phone\"", events[1].Data, StringComparison.Ordinal);
        Assert.Contains("\"mode\":\"listen\",\"previous\":\"barge\",\"by\":\"phone\"", events[2].Data, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"supervisor-hung-up\"", events[3].Data, StringComparison.Ordinal);
        Assert.Contains(_log.Entries, e => e.EventId == 2710 && e.Message.Contains("*611001", StringComparison.Ordinal));
        Assert.Equal(AgentStatus.Available, _box.Calls.Roster.StatusOf("2001"));
    }

    [Theory]
    [InlineData("1003", "*601001", "is not a supervisor")]       // an agent without the supervisor role
    [InlineData("2001", "*621002", "has no call to supervise")]  // an agent with no call
    [InlineData("2001", "*609999", "no agent has extension '9999'")]
    [InlineData("2001", "*60", "no agent has extension ''")]
    [InlineData("2001", "*602001", "cannot supervise their own call")]
    public void A_phone_that_may_not_supervise_hears_the_refusal_tone_and_is_logged(string phoneUser, string dialled, string reason)
    {
        _box.ConnectedCaller();
        var phone = Dial(phoneUser, dialled);
        var heardFrom = phone.Heard.Count;
        _box.Calls.Run(TimeSpan.FromSeconds(2));

        Assert.Equal(ChannelState.Down, phone.State);
        var heard = phone.Heard.Skip(heardFrom).ToArray();
        Assert.True(ToneAnalysis.PowerDbm0(heard, 480) > -30 && ToneAnalysis.PowerDbm0(heard, 620) > -30, "no refusal tone");
        Assert.DoesNotContain(_box.Calls.Journal.Events, e => e.Kind == CallEventKinds.SuperviseStart);
        Assert.Contains(_log.Entries, e => e.EventId == 2711 && e.Message.Contains(dialled, StringComparison.Ordinal) && e.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_phone_that_is_no_agent_s_is_refused_403_and_other_codes_go_to_the_agent_codes()
    {
        var stranger = _box.Calls.Clock.InvokeAsync(() => _codes.Route("7777", "*601001"));
        var logout = _box.Calls.Clock.InvokeAsync(() => _codes.Route("1003", "*51"));
        _box.Calls.Run(TimeSpan.FromMilliseconds(40));

        Assert.Equal((403, false), ((await stranger).StatusCode, (await stranger).Handler is not null));
        Assert.NotNull((await logout).Handler);
        Assert.Equal(AgentStatus.LoggedOut, _box.Calls.Roster.StatusOf("1003"));
    }

    // The supervisor's (or anyone's) phone calls the box and keys the code; the dial plan answers it on the loop.
    private FakeCallerChannel Dial(string phoneUser, string dialled)
    {
        var phone = new FakeCallerChannel($"sip/phone-{phoneUser}-{++_phones}", phoneUser, SupervisorHz);
        _box.Calls.Clock.Register(phone);
        AgentDialDecision? decision = null;
        _box.Calls.Clock.Post(() =>
        {
            decision = _codes.Route(phoneUser, dialled);
            decision.Handler?.Invoke(phone);
        });
        _box.Calls.Run(TimeSpan.FromMilliseconds(60));
        Assert.NotNull(decision?.Handler);
        return phone;
    }

    private (short[] Caller, short[] Agent, short[] Supervisor) Listen(FakeCallerChannel caller, FakeCallerChannel phone)
    {
        _box.Calls.Run(TimeSpan.FromMilliseconds(60)); // let a key or change reach whole ticks
        var (c, a, s) = (caller.Heard.Count, _box.Agent.Heard.Count, phone.Heard.Count);
        _box.Calls.Run(TimeSpan.FromSeconds(1));
        return ([.. caller.Heard.Skip(c)], [.. _box.Agent.Heard.Skip(a)], [.. phone.Heard.Skip(s)]);
    }
}
