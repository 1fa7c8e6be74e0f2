using Appliance.Sip.Messages;
using Appliance.Sip.Tests.Support;
using Appliance.Sip.Transactions;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Appliance.Sip.Tests.Transactions;

/// <summary>A client layer on port 5060 and a server layer on port 5070 joined by a <see cref="FakeNetwork"/>.</summary>
internal sealed class TransactionTestBed : IDisposable
{
    public TransactionTestBed(bool reliable = false)
    {
        ClientTransport = Network.Attach(5060, reliable);
        ServerTransport = Network.Attach(5070, reliable);
        var options = Options.Create(new SipTimerOptions());
        Client = new SipTransactionLayer(ClientTransport, options, Time, NullLogger<SipTransactionLayer>.Instance);
        Server = new SipTransactionLayer(ServerTransport, options, Time, NullLogger<SipTransactionLayer>.Instance);
        Server.RequestReceived += t => ServerTransactions.Add(t);
    }

    public ManualTimeProvider Time { get; } = new();

    public FakeNetwork Network { get; } = new();

    public FakeTransport ClientTransport { get; }

    public FakeTransport ServerTransport { get; }

    public SipTransactionLayer Client { get; }

    public SipTransactionLayer Server { get; }

    public List<SipServerTransaction> ServerTransactions { get; } = [];

    public int SentCount(Func<SipMessage, bool> match) => Network.Sent.Count(s => match(s.Message));

    /// <summary>Moves time forward in 50 ms steps, delivering what is in flight after each step.</summary>
    public void Run(TimeSpan duration)
    {
        Network.Deliver();
        var step = TimeSpan.FromMilliseconds(50);
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += step)
        {
            Time.Advance(step);
            Network.Deliver();
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
    }
}
