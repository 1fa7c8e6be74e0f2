using Appliance.Telephony.Channels;

namespace Appliance.Core.Tests.Fakes;

internal sealed class FakeInboundSource : IInboundCallSource
{
    public event Action<IChannel, int?>? CallArrived;

    public void Ring(IChannel channel, int? line) => CallArrived?.Invoke(channel, line);
}
