namespace Appliance.Telephony.Analog.Internal;

/// <summary>Where a dial-out attempt stands after a tick.</summary>
internal enum DialOutcome
{
    Pending,
    Answered,
    Busy,
    Congestion,
    NoAnswer,
    NoDialTone,
}
