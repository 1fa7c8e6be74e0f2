using Appliance.Core.Acd;
using Appliance.Core.Recording;
using Appliance.Telephony.Bridging;
using Appliance.Telephony.Channels;

namespace Appliance.Core.Supervision.Internal;

/// <summary>One supervision from the ring of the supervisor's phone to its end; lives on the media loop.</summary>
internal sealed class ActiveSupervision(string id, string supervisorId, SupervisableCall target, SupervisionMode mode, AgentStatus supervisorWas, TaskCompletionSource<SupervisionInfo>? joined)
{
    public string Id { get; } = id;

    public string SupervisorId { get; } = supervisorId;

    public SupervisableCall Target { get; } = target;

    public SupervisionMode Mode { get; set; } = mode;

    public SupervisionState State { get; set; } = SupervisionState.Ringing;

    /// <summary>The supervisor's state before the supervision, to give back at its end.</summary>
    public AgentStatus SupervisorWas { get; } = supervisorWas;

    /// <summary>Every phone of the supervisor being rung; the one that answers becomes <see cref="Leg"/>.</summary>
    public List<IChannel> Ringing { get; } = [];

    public IChannel? Leg { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>What each party hears while the supervisor is joined; null before, or if the file could not be made.</summary>
    public SupervisionRecorder? Recorder { get; set; }

    /// <summary>Completes with the reason once the supervision is over, whoever ended it.</summary>
    public TaskCompletionSource<string> Over { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes when the supervisor has joined; faults with a refusal if they never do. Null for a join from the
    /// supervisor's own phone, which nobody waits for.
    /// </summary>
    public TaskCompletionSource<SupervisionInfo>? Joined { get; } = joined;

    /// <summary>The flow that rings and watches; awaited at shutdown.</summary>
    public Task? Flow { get; set; }

    public SupervisionInfo Info => new(Id, SupervisorId, Target.AgentId, Target.Call.CallId, Mode, State);
}
