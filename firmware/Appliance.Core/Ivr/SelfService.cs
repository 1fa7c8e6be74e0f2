using Appliance.Banking;
using Appliance.Core.Ivr.Internal;
using Appliance.Telephony.Clock;
using Microsoft.Extensions.Logging;

namespace Appliance.Core.Ivr;

/// <summary>
/// What the self-service nodes (identify, balance, card loss, bill status) need: the core bank, if the box has one, and where
/// transactions are recorded. Bank requests run off the media loop as work the clock owns; the call's flow waits for
/// them on the loop with a timeout, so a slow bank never holds up the audio of any call.
/// </summary>
public sealed class SelfService
{
    private int _running;

    /// <summary>Creates the service; <paramref name="bank"/> is null on a box without a core-bank connector.</summary>
    public SelfService(MediaClock clock, ICoreBanking? bank, ISelfServiceTransactions transactions, ILogger<SelfService> logger)
    {
        Clock = clock;
        Bank = bank;
        Transactions = transactions;
        Logger = logger;
    }

    internal MediaClock Clock { get; }

    internal ICoreBanking? Bank { get; }

    internal ISelfServiceTransactions Transactions { get; }

    internal ILogger Logger { get; }

    /// <summary>Bank requests started and not yet ended (tests wait for them before moving the manual clock).</summary>
    internal int RequestsRunning => Volatile.Read(ref _running);

    internal void RequestStarted() => Interlocked.Increment(ref _running);

    internal void RequestEnded() => Interlocked.Decrement(ref _running);
}
