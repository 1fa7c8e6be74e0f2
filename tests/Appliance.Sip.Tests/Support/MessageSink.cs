using System.Net;
using System.Threading.Channels;
using Appliance.Sip.Messages;
using Appliance.Sip.Transport;

namespace Appliance.Sip.Tests.Support;

/// <summary>Collects what a real transport receives so a test can await it (network I/O, not timers, so a real timeout is right).</summary>
public sealed class MessageSink
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<(SipMessage Message, IPEndPoint Source)> _received = Channel.CreateUnbounded<(SipMessage, IPEndPoint)>();

    public MessageSink(ISipTransport transport)
    {
        transport.MessageReceived += (message, source) => _received.Writer.TryWrite((message, source));
    }

    public async Task<(SipMessage Message, IPEndPoint Source)> NextAsync() =>
        await _received.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public bool TryTake(out (SipMessage Message, IPEndPoint Source) item) => _received.Reader.TryRead(out item);
}
