namespace Appliance.Core.Ivr;

/// <summary>Where the IVR hands self-service transactions; called on the media loop, so it must only queue.</summary>
public interface ISelfServiceTransactions
{
    /// <summary>Queues <paramref name="transaction"/> to be stored with its outbox entry.</summary>
    void Record(SelfServiceTransaction transaction);
}
