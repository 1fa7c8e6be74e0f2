namespace Appliance.Sip.Transactions;

/// <summary>The states of the RFC 3261 §17 machines (Accepted from RFC 6026 for INVITE 2xx).</summary>
public enum SipTransactionState
{
    Calling,
    Trying,
    Proceeding,
    Accepted,
    Completed,
    Confirmed,
    Terminated,
}
