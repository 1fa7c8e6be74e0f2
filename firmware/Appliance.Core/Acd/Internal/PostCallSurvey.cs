using Appliance.Core.Configuration;
using Appliance.Core.Ivr;
using Appliance.Core.Journal;
using Appliance.Core.Routing;
using Appliance.Telephony.Channels;

namespace Appliance.Core.Acd.Internal;

/// <summary>
/// The post-call survey: the caller the agent left on the line hears the queue's prompt and rates the call with one key.
/// A key outside 1–5 replays the prompt once; a second one (or no key in time) ends the survey without a score.
/// Runs on the media loop, after the recording has stopped, so the rating is never part of the recording.
/// </summary>
internal static class PostCallSurvey
{
    private const int Attempts = 2;

    /// <summary>Asks for the rating and sets <see cref="CallSession.SurveyScore"/> when one is given.</summary>
    public static async Task RunAsync(FlowRunner menus, CallSession call, QueueSurvey survey, string queue, string agent)
    {
        try
        {
            // Keys pressed while talking to the agent are no answer to a question not yet asked.
            call.Channel.FlushDigits();
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                await menus.PlayAsync(call, survey.Prompt, stopOnDigit: true);
                if (await call.Channel.ReadDigitAsync(TimeSpan.FromSeconds(survey.TimeoutSeconds)) is not { } key)
                {
                    call.Log(CallEventKinds.SurveyNoScore, queue, agent, ("reason", "timeout"));
                    return;
                }

                if (key is >= '1' and <= '5')
                {
                    call.SurveyScore = key - '0';
                    call.Log(CallEventKinds.Survey, queue, agent, ("score", call.SurveyScore));
                    return;
                }

                call.Log(CallEventKinds.SurveyInvalid, queue, agent, ("attempt", attempt));
                call.Channel.FlushDigits();
            }

            if (survey.SorryPrompt is { } sorry)
            {
                await menus.PlayAsync(call, sorry, stopOnDigit: false);
            }

            call.Log(CallEventKinds.SurveyNoScore, queue, agent, ("reason", "invalid"));
        }
        catch (Exception error) when (error is ChannelHangupException or InvalidOperationException or OperationCanceledException)
        {
            // The caller hung up during the survey: the call ends without a score.
            call.Log(CallEventKinds.SurveyNoScore, queue, agent, ("reason", "hangup"));
        }
    }
}
