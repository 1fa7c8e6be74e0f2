using Appliance.Core.Directory;
using Appliance.Core.Routing;
using Appliance.Telephony.Channels;

namespace Appliance.Core.Acd;

/// <summary>A caller in a queue, and the agent leg that won them once one answers.</summary>
internal sealed class WaitingCaller(CallSession call, QueueDefinition queue, DateTimeOffset enteredAt, int position)
{
    public CallSession Call { get; } = call;

    public QueueDefinition Queue { get; } = queue;

    public DateTimeOffset EnteredAt { get; } = enteredAt;

    public int Position { get; } = position;

    /// <summary>Whether agents are being rung for this caller right now.</summary>
    public bool Ringing { get; set; }

    /// <summary>Whether the caller has left the queue (connected, abandoned or timed out).</summary>
    public bool Gone { get; set; }

    public TaskCompletionSource<(string AgentId, IChannel Leg)> Connected { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}
