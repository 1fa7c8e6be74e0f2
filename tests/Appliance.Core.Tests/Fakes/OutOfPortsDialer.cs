using Appliance.Telephony.Channels;
using Appliance.Telephony.Dialing;

namespace Appliance.Core.Tests.Fakes;

/// <summary>A technology that cannot ring anyone right now ("noports:1001"), as SIP does when every RTP port is taken.</summary>
internal sealed class OutOfPortsDialer : IChannelDialer
{
    public string Technology => "noports";

    public IChannel Dial(string target) => throw new InvalidOperationException("No free RTP port pair.");
}
