using Appliance.Core.Routing;
using Appliance.Telephony.Bridging;

namespace Appliance.Core.Supervision.Internal;

/// <summary>One agent's part of a call: the caller's session, the queue they talk for, and the bridge between them.</summary>
internal sealed class SupervisableCall(SupervisableCalls owner, CallSession call, string agentId, string queue, Bridge bridge) : IDisposable
{
    private bool _ended;

    public CallSession Call { get; } = call;

    public string AgentId { get; } = agentId;

    public string Queue { get; } = queue;

    public Bridge Bridge { get; } = bridge;

    public bool Ended => _ended;

    public void Dispose()
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        owner.Remove(this);
    }
}
