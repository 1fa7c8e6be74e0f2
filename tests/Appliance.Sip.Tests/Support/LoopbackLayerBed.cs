using System.Net;
using System.Threading.Channels;
using Appliance.Sip.Messages;
using Appliance.Sip.Transactions;
using Appliance.Sip.Transport;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Tests.Support;

/// <summary>
/// A transaction layer on a real UDP or TCP transport on 127.0.0.1, its timers on a manual clock (nothing is resent
/// unless a test moves time), with what it hands up queued for the test to await.
/// </summary>
public sealed class LoopbackLayerBed : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<SipServerTransaction> _requests = Channel.CreateUnbounded<SipServerTransaction>();
    private readonly Channel<SipRequest> _strayAcks = Channel.CreateUnbounded<SipRequest>();

    private LoopbackLayerBed(Func<TimeProvider, ISipTransport> transport, Action<ISipTransport> start)
    {
        Transport = transport(Time);
        Layer = new SipTransactionLayer(Transport, Options.Create(new SipTimerOptions()), Time, NullLogger<SipTransactionLayer>.Instance);
        Layer.RequestReceived += t => _requests.Writer.TryWrite(t);
        Layer.StrayAckReceived += (ack, _) => _strayAcks.Writer.TryWrite(ack);
        start(Transport);
    }

    public ManualTimeProvider Time { get; } = new();

    public ISipTransport Transport { get; }

    public SipTransactionLayer Layer { get; }

    public IPEndPoint Box => Transport.LocalEndPoint;

    public static LoopbackLayerBed Udp() => new(time => LoopbackTransports.Udp(time), t => ((UdpSipTransport)t).Start());

    public static LoopbackLayerBed Tcp() => new(time => LoopbackTransports.Tcp(time), t => ((TcpSipTransport)t).Start());

    public async Task<SipServerTransaction> NextTransactionAsync() => await _requests.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>Whether another request was handed up (call once the network has settled, e.g. after a reply arrived).</summary>
    public bool HasMoreTransactions => _requests.Reader.TryPeek(out _);

    public async Task<SipRequest> NextStrayAckAsync() => await _strayAcks.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public async ValueTask DisposeAsync()
    {
        Layer.Dispose();
        await Transport.DisposeAsync();
    }
}
