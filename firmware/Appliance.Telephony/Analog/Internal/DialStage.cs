namespace Appliance.Telephony.Analog.Internal;

/// <summary>The steps of a dial-out attempt.</summary>
internal enum DialStage
{
    AwaitingDialTone,
    Dialling,
    Listening,
}
