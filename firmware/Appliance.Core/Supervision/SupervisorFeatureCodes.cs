using Appliance.Core.Acd;
using Appliance.Core.Directory;
using Appliance.Core.Supervision.Internal;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Channels;
using Appliance.Telephony.Sip;
using Microsoft.Extensions.Logging;

namespace Appliance.Core.Supervision;

/// <summary>
/// Supervision from a supervisor's own phone: *60 and an agent's extension listens, *61 whispers, *62 barges (e.g.
/// *611001), and during it the keys 4, 5 and 6 switch between the three. The call is answered and joined to the agent's
/// call at once, and logged as a supervision from the control API is (SUPERVISE_START, _MODE, _END). A phone whose agent
/// is no supervisor, an unknown extension, an agent with no call or a busy supervisor gets "agent-refused" (or the low
/// triple tone) and a log line. Every other code goes on to the agents' codes (*50–*53). Runs on the media loop.
/// </summary>
public sealed class SupervisorFeatureCodes : IAgentDialPlan
{
    private readonly AgentFeatureCodes _agentCodes;
    private readonly SupervisionService _supervision;
    private readonly ICallCenterDirectory _directory;
    private readonly ILogger<SupervisorFeatureCodes> _logger;

    public SupervisorFeatureCodes(
        AgentFeatureCodes agentCodes, SupervisionService supervision, ICallCenterDirectory directory, ILogger<SupervisorFeatureCodes> logger)
    {
        _agentCodes = agentCodes;
        _supervision = supervision;
        _directory = directory;
        _logger = logger;
    }

    /// <inheritdoc />
    public AgentDialDecision Route(string phoneUser, string dialled)
    {
        ArgumentNullException.ThrowIfNull(phoneUser);
        ArgumentNullException.ThrowIfNull(dialled);
        if (ModeOf(dialled) is not { } mode)
        {
            return _agentCodes.Route(phoneUser, dialled);
        }

        if (_directory.Agents.FirstOrDefault(a => a.DialString == "sip:" + phoneUser) is not { } supervisor)
        {
            return AgentDialDecision.Refuse(403, "Forbidden"); // not an agent's phone: as for any other code
        }

        var extension = dialled[3..];
        return AgentDialDecision.Answer(phone => Supervise(phone, supervisor.Id, extension, mode, dialled));
    }

    /// <summary>Completes once every refusal call in progress has ended (for shutdown; supervisions end with the service).</summary>
    public Task WhenIdle() => _agentCodes.WhenIdle();

    private static SupervisionMode? ModeOf(string dialled) => dialled.Length >= 3 && dialled.StartsWith("*6", StringComparison.Ordinal)
        ? dialled[2] switch { '0' => SupervisionMode.Listen, '1' => SupervisionMode.Whisper, '2' => SupervisionMode.Barge, _ => null }
        : null;

    private void Supervise(IChannel phone, string supervisorId, string extension, SupervisionMode mode, string dialled)
    {
        try
        {
            var agent = _directory.Agents.FirstOrDefault(a => a.Extension == extension || (a.Extension is null && a.Id == extension))
                ?? throw new SupervisionRefusedException(SupervisionRefusal.UnknownAgent, $"no agent has extension '{extension}'");
            var info = _supervision.StartFromPhone(phone, supervisorId, agent.Id, mode);
            SupervisorFeatureLog.Started(_logger, supervisorId, dialled, info.Id, agent.Id);
        }
        catch (SupervisionRefusedException refused)
        {
            SupervisorFeatureLog.Refused(_logger, supervisorId, dialled, refused.Message);
            _agentCodes.Refuse(phone);
        }
    }
}
