using Appliance.Core.Acd.Internal;
using Appliance.Core.Directory;
using Appliance.Core.Ivr;
using Appliance.Telephony.Audio;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Sip;
using Microsoft.Extensions.Logging;

namespace Appliance.Core.Acd;

/// <summary>
/// What an agent's own phone may dial on the box: *50 log in, *51 log out, *52 ready, *53 and a pause reason code
/// (e.g. *531) not ready. The change is made when the call arrives; the box then answers, plays a confirmation (the
/// prompt "agent-confirmed" in the branch's first language, or two beeps) and hangs up. An unknown code or reason
/// changes nothing and is answered with "agent-refused" (or a low triple tone). Anything that is not a feature code is
/// refused with 403: phones never reach the menu or an outside line through the box. Runs on the media loop.
/// </summary>
public sealed class AgentFeatureCodes : IAgentDialPlan
{
    /// <summary>The prompt played after a feature code that took effect.</summary>
    public const string ConfirmedPrompt = "agent-confirmed";

    /// <summary>The prompt played after an unknown code or reason.</summary>
    public const string RefusedPrompt = "agent-refused";

    private readonly Dictionary<IChannel, Task> _running = [];
    private readonly AgentRoster _roster;
    private readonly ICallCenterDirectory _directory;
    private readonly PromptLibrary _prompts;
    private readonly ILogger<AgentFeatureCodes> _logger;

    public AgentFeatureCodes(AgentRoster roster, ICallCenterDirectory directory, PromptLibrary prompts, ILogger<AgentFeatureCodes> logger)
    {
        _roster = roster;
        _directory = directory;
        _prompts = prompts;
        _logger = logger;
    }

    /// <inheritdoc />
    public AgentDialDecision Route(string phoneUser, string dialled)
    {
        ArgumentNullException.ThrowIfNull(phoneUser);
        ArgumentNullException.ThrowIfNull(dialled);
        var agent = _directory.Agents.FirstOrDefault(a => a.DialString == "sip:" + phoneUser);
        if (agent is null || !dialled.StartsWith('*'))
        {
            return AgentDialDecision.Refuse(403, "Forbidden");
        }

        bool done;
        if (FeatureCode.Parse(dialled) is not { } code)
        {
            AgentFeatureLog.UnknownCode(_logger, phoneUser, dialled);
            done = false;
        }
        else
        {
            var result = _roster.Apply(agent.Id, code.Command, code.Reason, "phone");
            AgentFeatureLog.Keyed(_logger, agent.Id, dialled, code.Command.ToString(), code.Reason, result.ToString());
            done = result == AgentCommandResult.Done;
        }

        var clip = Clip(done);
        return AgentDialDecision.Answer(channel => Start(channel, clip));
    }

    /// <summary>Completes once every confirmation call in progress has ended (for shutdown).</summary>
    public Task WhenIdle()
    {
        lock (_running)
        {
            return Task.WhenAll(_running.Values);
        }
    }

    /// <summary>Answers <paramref name="phone"/> with the refusal (prompt or tones) and hangs up; tracked like a confirmation.</summary>
    internal void Refuse(IChannel phone) => Start(phone, Clip(done: false));

    private AudioClip Clip(bool done)
    {
        var name = done ? ConfirmedPrompt : RefusedPrompt;
        var language = _directory.Branch.Languages.FirstOrDefault() ?? "en";
        var recorded = _prompts.Exists(language, name) ? _prompts.Get(language, name) : null;
        return recorded ?? (done ? FeatureTones.Confirmation : FeatureTones.Refusal);
    }

    private void Start(IChannel channel, AudioClip clip)
    {
        var call = ConfirmAsync(channel, clip);
        lock (_running)
        {
            if (!call.IsCompleted)
            {
                _running[channel] = call;
            }
        }
    }

    private async Task ConfirmAsync(IChannel channel, AudioClip clip)
    {
        try
        {
            channel.Answer();
            await channel.Answered;
            await channel.PlayAsync(clip.Play(), stopOnDigit: false);
        }
        catch (ChannelHangupException)
        {
            // The agent hung up before the end of the confirmation: the change stands.
        }
        catch (Exception error)
        {
            AgentFeatureLog.CallFailed(_logger, channel.Id, error);
        }
        finally
        {
            channel.HangUp();
            lock (_running)
            {
                _running.Remove(channel);
            }
        }
    }
}
