namespace Appliance.Telephony.Sip.Internal;

/// <summary>Where a phone's transfer request (REFER) stands on one SIP channel.</summary>
internal enum SipTransferState
{
    /// <summary>No transfer asked, or the last one is settled.</summary>
    None,

    /// <summary>The REFER is being handed to the call flow and is not answered yet.</summary>
    Asked,

    /// <summary>The call flow took it before the REFER was answered.</summary>
    Taken,

    /// <summary>The call flow refused it before the REFER was answered.</summary>
    Refused,

    /// <summary>202 sent; the final NOTIFY waits for the call flow.</summary>
    Pending,
}
