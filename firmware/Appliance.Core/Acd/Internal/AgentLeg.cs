using Appliance.Core.Directory;
using Appliance.Telephony.Channels;

namespace Appliance.Core.Acd.Internal;

/// <summary>An agent's answered leg and the queue on whose behalf they talk to the caller.</summary>
internal sealed record AgentLeg(string AgentId, IChannel Leg, QueueDefinition Queue);
