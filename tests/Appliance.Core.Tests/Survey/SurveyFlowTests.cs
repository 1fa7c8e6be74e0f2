using Appliance.Core.Configuration;
using Appliance.Core.Directory;
using Appliance.Core.Journal;
using Appliance.Core.Routing;
using Appliance.Core.Tests.Fakes;
using Appliance.Telephony.Media;

namespace Appliance.Core.Tests.Survey;

/// <summary>
/// The post-call survey on the manual clock: the agent hangs up first, the caller still on the line hears the queue's
/// survey prompt and presses one key.
/// </summary>
public sealed class SurveyFlowTests
{
    private static readonly AgentDefinition Agent = new("1001", "Li Wei", "test:1001;answer=1000;tone=1400");
    private static readonly QueueSurvey Asked = new() { Prompt = "survey", TimeoutSeconds = 5, SorryPrompt = "survey-sorry" };

    [Fact]
    public void A_rating_after_the_agent_hangs_up_is_stored_on_the_call_and_logged_as_a_survey_event()
    {
        using var harness = Harness(Asked);
        var caller = ConnectAndAgentHangsUp(harness);
        AwaitSurveyPrompt(harness);
        caller.Press('4');

        var detail = harness.WaitForFinished().Detail;
        Assert.Equal(4, detail.SurveyScore);
        Assert.Equal(CallOutcome.AnsweredByAgent, detail.Outcome);
        Assert.Equal("local", detail.HangupCause);
        Assert.Equal(
            [CallEventKinds.CompleteAgent, CallEventKinds.Survey, CallEventKinds.RecordingEnd, CallEventKinds.CallEnd],
            harness.Journal.KindsFor(detail.CallId).SkipWhile(k => k != CallEventKinds.CompleteAgent));
        var survey = Assert.Single(harness.Journal.Events, e => e.Kind == CallEventKinds.Survey);
        Assert.Equal("{\"score\":4}", survey.Data); // the shape the KPI fold reads
        Assert.Equal(("general", "1001"), (survey.Queue, survey.Agent));
        Assert.DoesNotContain(harness.Journal.Events, e => e.Kind == CallEventKinds.PromptMissing);
    }

    [Fact]
    public void The_survey_prompt_is_heard_by_the_caller_and_not_recorded()
    {
        using var harness = Harness(Asked);
        var caller = ConnectAndAgentHangsUp(harness);
        AwaitSurveyPrompt(harness);
        var heardBefore = caller.Heard.Count;
        harness.Run(TimeSpan.FromMilliseconds(300)); // inside the half-second prompt
        var prompt = caller.Heard.Skip(heardBefore).ToArray();
        caller.Press('5');

        var detail = harness.WaitForFinished().Detail;
        Assert.InRange(ToneAnalysis.DominantFrequency(prompt, 300, 3000, 10), 790, 810); // the English prompts' tone
        var recorded = WavReader.Read(detail.Recording!.Path);
        Assert.InRange(recorded.Duration.TotalSeconds, 2.9, 3.1); // the 3 s conversation only
    }

    [Theory]
    [InlineData('0')]
    [InlineData('9')]
    [InlineData('#')]
    [InlineData('*')]
    public void A_key_outside_1_to_5_replays_the_prompt_once_then_the_call_ends_without_a_score(char wrong)
    {
        using var harness = Harness(Asked);
        var caller = ConnectAndAgentHangsUp(harness);
        AwaitSurveyPrompt(harness);
        caller.Press(wrong);
        harness.Run(TimeSpan.FromMilliseconds(100));
        caller.Press(wrong);

        var detail = harness.WaitForFinished().Detail;
        Assert.Null(detail.SurveyScore);
        var kinds = harness.Journal.KindsFor(detail.CallId);
        Assert.Equal(2, kinds.Count(k => k == CallEventKinds.SurveyInvalid));
        Assert.DoesNotContain(CallEventKinds.Survey, kinds);
        var none = Assert.Single(harness.Journal.Events, e => e.Kind == CallEventKinds.SurveyNoScore);
        Assert.Equal("{\"reason\":\"invalid\"}", none.Data);
        Assert.DoesNotContain(harness.Journal.Events, e => e.Data?.Contains(wrong) == true && e.Kind.StartsWith("SURVEY", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_key_then_a_good_one_is_scored()
    {
        using var harness = Harness(Asked);
        var caller = ConnectAndAgentHangsUp(harness);
        AwaitSurveyPrompt(harness);
        caller.Press('7');
        harness.Run(TimeSpan.FromMilliseconds(100));
        caller.Press('2');

        var detail = harness.WaitForFinished().Detail;
        Assert.Equal(2, detail.SurveyScore);
        Assert.Equal(1, harness.Journal.KindsFor(detail.CallId).Count(k => k == CallEventKinds.SurveyInvalid));
    }

    [Fact]
    public void No_key_before_the_timeout_ends_the_call_without_a_score()
    {
        using var harness = Harness(Asked);
        ConnectAndAgentHangsUp(harness);

        var detail = harness.WaitForFinished().Detail;
        Assert.Null(detail.SurveyScore);
        var none = Assert.Single(harness.Journal.Events, e => e.Kind == CallEventKinds.SurveyNoScore);
        Assert.Equal("{\"reason\":\"timeout\"}", none.Data);
        // The 0.5 s prompt, then 5 s for a key. Timed between the loop's own events: the harness runs virtual time on
        // while a flow waits for the thread pool, so the call's end time says little.
        Assert.InRange((none.At - At(harness, CallEventKinds.CompleteAgent)).TotalSeconds, 5.4, 5.7);
        Assert.InRange(detail.Talk.TotalSeconds, 2.9, 3.1); // the survey is not talk time
    }

    [Fact]
    public void A_caller_who_hangs_up_first_gets_no_survey()
    {
        using var harness = Harness(Asked);
        var caller = Connect(harness);
        caller.CallerHangsUp();

        var detail = harness.WaitForFinished().Detail;
        Assert.Null(detail.SurveyScore);
        Assert.Contains(CallEventKinds.CompleteCaller, harness.Journal.KindsFor(detail.CallId));
        Assert.DoesNotContain(harness.Journal.Events, e => e.Kind.StartsWith("SURVEY", StringComparison.Ordinal));
    }

    [Fact]
    public void A_caller_who_hangs_up_during_the_survey_leaves_no_score()
    {
        using var harness = Harness(Asked);
        var caller = ConnectAndAgentHangsUp(harness);
        AwaitSurveyPrompt(harness);
        caller.CallerHangsUp();

        var detail = harness.WaitForFinished().Detail;
        Assert.Null(detail.SurveyScore);
        Assert.Equal("remote", detail.HangupCause);
        var none = Assert.Single(harness.Journal.Events, e => e.Kind == CallEventKinds.SurveyNoScore);
        Assert.Equal("{\"reason\":\"hangup\"}", none.Data);
    }

    [Fact]
    public void A_queue_without_a_survey_hangs_up_as_soon_as_the_agent_does()
    {
        using var harness = Harness(null);
        var caller = ConnectAndAgentHangsUp(harness);
        var loudBefore = caller.LoudFramesHeard;

        var detail = harness.WaitForFinished().Detail;
        Assert.Equal(loudBefore, caller.LoudFramesHeard); // nothing played to the caller after the agent left
        Assert.Null(detail.SurveyScore);
        Assert.Equal("local", detail.HangupCause); // the box hung up on the caller, without a prompt or a wait for a key
        Assert.DoesNotContain(harness.Journal.Events, e => e.Kind.StartsWith("SURVEY", StringComparison.Ordinal));
    }

    private static DateTimeOffset At(CallCenterHarness harness, string kind) => harness.Journal.Events.Single(e => e.Kind == kind).At;

    private static CallCenterHarness Harness(QueueSurvey? survey)
    {
        var directory = new InMemoryDirectory().WithQueue(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(10), Agent);
        directory.Queues["general"] = directory.Queues["general"] with { Survey = survey };
        return new CallCenterHarness(directory);
    }

    private static FakeCallerChannel Connect(CallCenterHarness harness)
    {
        var caller = harness.Call();
        caller.Press('1');
        Assert.True(harness.Time.AdvanceUntil(() => harness.CallCenter.ActiveCalls.Any(c => c.Agent is not null), TimeSpan.FromSeconds(30)));
        harness.Run(TimeSpan.FromSeconds(3));
        return caller;
    }

    private static FakeCallerChannel ConnectAndAgentHangsUp(CallCenterHarness harness)
    {
        var caller = Connect(harness);
        var phone = harness.Phones.Last("1001");
        caller.Press('3'); // a key pressed while talking to the agent is no rating
        harness.Clock.Post(phone.FarEndHangsUp);
        harness.Run(TimeSpan.FromMilliseconds(40));
        return caller;
    }

    // The survey starts as soon as the agent's hang-up is handled, without waiting for the recording's file: a tenth of a
    // second into the half-second prompt.
    private static void AwaitSurveyPrompt(CallCenterHarness harness) => harness.Run(TimeSpan.FromMilliseconds(100));
}
