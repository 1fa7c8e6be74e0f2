namespace Appliance.Banking;

/// <summary>Where a bill payment stands.</summary>
public enum BillPaymentState
{
    /// <summary>No bill with that reference for this customer.</summary>
    Unknown,

    /// <summary>Submitted, not yet settled.</summary>
    Pending,

    /// <summary>Settled.</summary>
    Paid,

    /// <summary>Refused or returned.</summary>
    Failed,
}
